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

/** Datagrams are ingested in batches: at most this many, or whatever arrived within FLUSH_MS. */
const MAX_BATCH = 512;
const FLUSH_MS = 2;

/**
 * The daemon's UDP listener. Datagrams are collected for up to FLUSH_MS (or MAX_BATCH of them)
 * and ingested as one batch — one validation pass and one log write for many datagrams; per
 * datagram, a log write would cost more than the rest of ingest. UDP has no acknowledgement, so
 * nothing is promised before the flush. Bad datagrams are counted and logged, never thrown.
 */
export function startUdp(
  backend: Backend,
  host: string,
  port: number,
  log: (m: string) => void,
): Promise<UdpListener> {
  const socket = dgram.createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
  let queue: string[] = [];
  let timer: NodeJS.Timeout | undefined;

  const reject = (from: string, reason: string) => {
    const n = ++backend.counters.udpRejected;
    if (n <= LOG_FIRST || n % 1000 === 0)
      log(`udp: dropped datagram #${n} from ${from}: ${reason}`);
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
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
    if (queue.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
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
