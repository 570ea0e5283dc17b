import { snsPublish, sql } from '../aws-calls.ts';
import { exception } from '../faults.ts';
import type { OpenSegment } from '../hosts.ts';
import { finishSegment, startSegment } from '../hosts.ts';
import { DATABASES, SERVICES, TOPICS } from '../shop.ts';
import { addCause, block } from '../spans.ts';
import type { Handler, Reply, Tx } from '../tx.ts';

/**
 * legacy-orders: the Java monolith on two EC2 instances (one 6 ms fast). Owns the orders database;
 * its connection pool runs dry now and then (a rare 500 with a JDBC stack).
 */

const svc = SERVICES.legacyOrders;
const db = DATABASES.orders;

function poolExhausted(tx: Tx, seg: OpenSegment, atMs: number): Reply {
  const ex = exception(
    tx.rng,
    'org.springframework.jdbc.CannotGetJdbcConnectionException',
    'Failed to obtain JDBC Connection; nested exception is org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved for non-replication superuser connections',
    [
      'org.springframework.jdbc.datasource.DataSourceUtils.getConnection@DataSourceUtils.java:82',
      'org.springframework.jdbc.core.JdbcTemplate.execute@JdbcTemplate.java:376',
      'com.shop.orders.OrderRepository.insert@OrderRepository.java:64',
      'com.shop.orders.OrderController.createOrder@OrderController.java:118',
    ],
    { truncated: 87 },
  );
  addCause(seg.doc, svc.workingDir, [ex]);
  const endMs = atMs + tx.rng.int(2, 5);
  finishSegment(tx, seg, endMs, 500, 112);
  return { endMs, status: 500, bytes: 112, exceptionId: ex.id };
}

/** POST /orders */
export const createOrder: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(2, 6);
  if (tx.rng.chance(0.004)) return poolExhausted(tx, seg, t + 1000 + tx.rng.int(0, 500));
  const lines = tx.rng.int(1, 6);
  t = block(seg.doc, tx.rng, 'OrderService.persist', t, (sub, at) => {
    let c = sql(
      tx,
      sub,
      at,
      db,
      'INSERT INTO orders (id, customer_ref, total_cents, currency, status) VALUES (?, ?, ?, ?, ?)',
      5,
    ).endMs;
    c = sql(
      tx,
      sub,
      c,
      db,
      'INSERT INTO order_items (order_id, sku, qty, price_cents) VALUES (?, ?, ?, ?)',
      3 + lines,
    ).endMs;
    return c;
  }).endMs;
  t = snsPublish(tx, seg.doc, t + tx.rng.int(0, 2), TOPICS.orderNotifications).endMs;
  const orderId = `ord-${tx.rng.int(100000, 999999)}`;
  seg.doc.metadata = {
    debug: { hibernate: { statements: 2, batch_size: lines }, order_id: orderId },
  };
  const endMs = t + tx.rng.int(2, 6);
  finishSegment(tx, seg, endMs, 201, 96);
  return { endMs, status: 201, bytes: 96 };
};

/** GET /orders/{id} */
export const getOrder: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(2, 6);
  if (tx.rng.chance(0.004)) return poolExhausted(tx, seg, t + 1000 + tx.rng.int(0, 500));
  t = sql(
    tx,
    seg.doc,
    t,
    db,
    'SELECT o.id, o.status, o.total_cents, i.sku, i.qty FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = ? AND o.customer_ref = ?',
    9,
  ).endMs;
  if (tx.rng.chance(0.04)) {
    const ex = exception(
      tx.rng,
      'com.shop.orders.OrderNotFoundException',
      'no order with this id for the customer',
      ['com.shop.orders.OrderController.getOrder@OrderController.java:74'],
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 4);
    finishSegment(tx, seg, endMs, 404, 60);
    return { endMs, status: 404, bytes: 60, exceptionId: ex.id };
  }
  const endMs = t + tx.rng.int(2, 8);
  const bytes = tx.rng.int(700, 3200);
  finishSegment(tx, seg, endMs, 200, bytes);
  return { endMs, status: 200, bytes };
};
