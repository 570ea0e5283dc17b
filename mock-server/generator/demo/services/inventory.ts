import { sql } from '../aws-calls.ts';
import { exception, nodeFrames } from '../faults.ts';
import type { OpenSegment } from '../hosts.ts';
import { finishSegment, startSegment } from '../hosts.ts';
import { BAD_INVENTORY_VERSION, DATABASES, SERVICES } from '../shop.ts';
import { addCause, block } from '../spans.ts';
import type { Handler, Tx } from '../tx.ts';

/**
 * inventory (ECS, Node, PostgreSQL). During the bad-deploy incident it runs 2024.11.4, whose new
 * warehouse lookup crashes on products without a warehouse: ~45 % of requests answer 500.
 */

const svc = SERVICES.inventory;
const db = DATABASES.inventory;

function crashes(tx: Tx): boolean {
  return tx.incidents.inventoryDeploy && tx.rng.chance(0.45);
}

function crash(tx: Tx, seg: OpenSegment, atMs: number) {
  const ex = exception(
    tx.rng,
    'TypeError',
    "Cannot read properties of undefined (reading 'warehouseId')",
    nodeFrames(
      'pickWarehouse@src/stock/warehouses.ts:87',
      'reserveLines@src/stock/reserve.ts:142',
      'handler@src/routes/reservations.ts:31',
    ),
  );
  addCause(seg.doc, svc.workingDir, [ex]);
  const endMs = atMs + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 500, 87);
  return { endMs, status: 500, bytes: 87, exceptionId: ex.id };
}

function open(tx: Tx, inbound: Parameters<Handler>[1]): OpenSegment {
  return startSegment(
    tx,
    svc,
    inbound,
    tx.incidents.inventoryDeploy ? BAD_INVENTORY_VERSION : svc.version,
  );
}

/** GET /stock/{sku} */
export const getStock: Handler = (tx, inbound) => {
  const seg = open(tx, inbound);
  let t = inbound.startMs + tx.rng.int(1, 2);
  t = sql(
    tx,
    seg.doc,
    t,
    db,
    'SELECT sku, available, reserved, warehouse_id FROM stock WHERE sku = $1',
    4,
  ).endMs;
  if (crashes(tx)) return crash(tx, seg, t);
  const endMs = t + tx.rng.int(1, 3);
  const bytes = tx.rng.int(90, 160);
  finishSegment(tx, seg, endMs, 200, bytes);
  return { endMs, status: 200, bytes };
};

/** POST /reservations: one transaction reserving every line of an order. */
export const reserve: Handler = (tx, inbound) => {
  const seg = open(tx, inbound);
  const lines = tx.rng.int(1, 5);
  let failed = false;
  const { endMs: t } = block(
    seg.doc,
    tx.rng,
    'reserve-stock',
    inbound.startMs + tx.rng.int(1, 2),
    (sub, at) => {
      let c = sql(tx, sub, at, db, 'BEGIN', 1).endMs;
      c = sql(
        tx,
        sub,
        c,
        db,
        'SELECT sku, available FROM stock WHERE sku = ANY($1) FOR UPDATE',
        6,
      ).endMs;
      if (crashes(tx)) {
        failed = true;
        return sql(tx, sub, c, db, 'ROLLBACK', 1).endMs;
      }
      for (let i = 0; i < lines; i++) {
        c = sql(
          tx,
          sub,
          c,
          db,
          'UPDATE stock SET reserved = reserved + $1 WHERE sku = $2',
          3,
        ).endMs;
      }
      c = sql(
        tx,
        sub,
        c,
        db,
        'INSERT INTO reservations (order_ref, sku, qty, expires_at) VALUES ($1, $2, $3, $4)',
        4,
      ).endMs;
      return sql(tx, sub, c, db, 'COMMIT', 2).endMs;
    },
  );
  seg.doc.metadata = { default: { reservation: { lines, hold_minutes: 15 } } };
  if (failed) return crash(tx, seg, t);
  const endMs = t + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 201, 64);
  return { endMs, status: 201, bytes: 64 };
};
