import QRCode from "qrcode";

export const qrPng = (url: string, size = 512) => QRCode.toBuffer(url, { type: "png", width: size, margin: 2, errorCorrectionLevel: "M" });

/** The same QR code as an SVG document (sharp at any print size), `size` pixels a side. */
export const qrSvg = (url: string, size = 512) => QRCode.toString(url, { type: "svg", width: size, margin: 2, errorCorrectionLevel: "M" });

export const qrDataUrl = (url: string, size = 256) => QRCode.toDataURL(url, { width: size, margin: 1, errorCorrectionLevel: "M" });
