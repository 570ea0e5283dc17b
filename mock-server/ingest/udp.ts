import dgram from 'node:dgram';
import type { Backend } from '../backend.ts';
import { parseDatagram } from './daemon-datagram.ts';

export interface UdpListener {
  port: number;
  close(): Promise<void>;
}

/** After this many rejected datagrams, only every 1000th is logged (a flood must not flood the log). */
const LOG_FIRST = 20;
const RECV_BUFFER = 16 * 1024 * 1024;

/**
 * The daemon's UDP listener. Datagrams that arrive together are ingested as one batch on the next
 * turn of the event loop (one log write for many datagrams); UDP has no acknowledgement, so
 * nothing is promised before that. Bad datagrams are counted and logged, never thrown.
 */
export function startUdp(
  backend: Backend,
  host: string,
  port: number,
  log: (m: string) => void,
): Promise<UdpListener> {
  const socket = dgram.createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
  let queue: string[] = [];
  let scheduled = false;

  const reject = (from: string, reason: string) => {
    const n = ++backend.counters.udpRejected;
    if (n <= LOG_FIRST || n % 1000 === 0)
      log(`udp: dropped datagram #${n} from ${from}: ${reason}`);
  };
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    try {
      for (const bad of backend.ingest(batch)) reject('batch', `${bad.ErrorCode}: ${bad.Message}`);
    } catch (e) {
      log(`udp: could not store ${batch.length} documents: ${(e as Error).message}`);
    }
  };

  socket.on('message', (msg, rinfo) => {
    backend.counters.udpDatagrams++;
    const parsed = parseDatagram(msg.toString('utf8'));
    if (!parsed.ok) return reject(`${rinfo.address}:${rinfo.port}`, parsed.reason);
    queue.push(parsed.body);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });

  return new Promise((resolve, reject2) => {
    socket.once('error', reject2);
    socket.bind(port, host, () => {
      socket.off('error', reject2);
      socket.on('error', (e) => log(`udp: ${e.message}`));
      // A big receive buffer rides out event-loop pauses (GC, a graph slice) without drops;
      // the kernel caps it at net.core.rmem_max.
      try {
        socket.setRecvBufferSize(RECV_BUFFER);
      } catch {
        // keep the default
      }
      resolve({
        port: socket.address().port,
        close: () =>
          new Promise<void>((done) => {
            if (queue.length > 0) flush();
            socket.close(() => done());
          }),
      });
    });
  });
}
