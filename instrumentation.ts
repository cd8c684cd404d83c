// Starts the background worker inside the web process when START_WORKER=1 (the `npm start`
// default), never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.START_WORKER === "1") {
    const { startWorker } = await import("./lib/composition/worker");
    await startWorker();
  }
}
