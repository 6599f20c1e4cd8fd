/**
 * Reads a QR code with the camera through the browser's BarcodeDetector (Chrome/Edge on Android, ChromeOS,
 * macOS). Where the API or a camera is missing the button is not offered and staff type the booking code.
 */
import { useEffect, useRef, useState } from 'react';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return candidate && typeof navigator !== 'undefined' && navigator.mediaDevices ? candidate : null;
}

export function QrScanner({ onToken }: { onToken: (token: string) => void }) {
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => setSupported(detectorClass() !== null), []);

  useEffect(() => {
    if (!scanning) return;
    const Detector = detectorClass();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const codes = await detector.detect(video.current);
          const value = codes[0]?.rawValue;
          if (value) {
            setScanning(false);
            onToken(value);
            return;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      } catch {
        setProblem('The camera is not available. Type the booking code instead.');
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, onToken]);

  if (!supported) return null;
  return (
    <div className="space-y-3">
      <button type="button" className="btn-ghost" onClick={() => setScanning((s) => !s)}>
        {scanning ? 'Stop camera' : 'Scan QR with camera'}
      </button>
      {problem ? <p className="text-sm text-rose">{problem}</p> : null}
      {scanning ? (
        <video ref={video} muted playsInline className="w-full max-w-sm rounded-xl border border-line">
          <track kind="captions" />
        </video>
      ) : null}
    </div>
  );
}
