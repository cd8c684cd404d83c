import { defineJob } from "../server/jobs/define";
import { userTokenMailQueue } from "./queues";
import { sendUserTokenMail } from "./send-user-token-mail";

// lib/users' background work: the e-mail of an invitation or a password-reset link, one job per
// link, written in the transaction that issued it (queues.ts). A failure to send throws and
// pg-boss retries the job.
export const userTokenMailJob = defineJob({
  ...userTokenMailQueue,
  handle: async (db, [job]) => {
    if (job) await sendUserTokenMail(db, job.data);
  },
});

export const userJobs = [userTokenMailJob];
