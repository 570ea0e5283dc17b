import type { SegmentDoc } from '../../../src/xray/types.ts';
import { newId, uuid } from '../ids.ts';
import { callService } from './calls.ts';
import { ACCOUNT, REGION } from './hosts.ts';
import { invoke } from './lambda.ts';
import { addItem, getCart } from './services/cart.ts';
import { getProduct, listProducts } from './services/catalog.ts';
import { checkout } from './services/checkout.ts';
import { imageResizer } from './services/functions.ts';
import { getOrder } from './services/legacy-orders.ts';
import { quote } from './services/shipping.ts';
import { CATEGORIES, LAMBDAS, sku } from './shop.ts';
import { closeAt, sec, setStatus } from './spans.ts';
import type { Handler, Tx } from './tx.ts';

/**
 * The entry point: API Gateway stage `shop-api` (prod) in front of every public route. Its segment
 * carries the public request (URL with query string, browser user agent, client address) and one
 * integration subsegment that the backend's segment hangs off.
 */

const REST_API_ID = 'k7d2x9q4m1';
const STAGE_ARN = `arn:aws:apigateway:${REGION}::/restapis/${REST_API_ID}/stages/prod`;
const PUBLIC = 'https://shop.example.com/api';

interface Route {
  method: string;
  /** Public path (after /api) and the backend path, drawn per request. */
  paths: (tx: Tx) => { publicPath: string; backendPath: string };
  target: { service: string; handler: Handler } | 'image-resizer';
}

const same = (p: string) => ({ publicPath: p, backendPath: p });

/** Routes with their share of traffic: browsing dominates, checkouts are a few percent. */
const ROUTES: readonly (readonly [Route, number])[] = [
  [
    {
      method: 'GET',
      paths: (tx) => same(`/products?category=${tx.rng.pick(CATEGORIES)}`),
      target: { service: 'catalog', handler: listProducts },
    },
    30,
  ],
  [
    {
      method: 'GET',
      paths: (tx) => same(`/products/${sku(tx.rng.int(0, 89999))}`),
      target: { service: 'catalog', handler: getProduct },
    },
    22,
  ],
  [
    {
      method: 'GET',
      paths: (tx) => same(`/cart/${tx.shopper.cartId}`),
      target: { service: 'cart', handler: getCart },
    },
    15,
  ],
  [
    {
      method: 'POST',
      paths: (tx) => same(`/cart/${tx.shopper.cartId}/items`),
      target: { service: 'cart', handler: addItem },
    },
    12,
  ],
  [
    {
      method: 'POST',
      paths: () => same('/checkout'),
      target: { service: 'checkout', handler: checkout },
    },
    7,
  ],
  [
    {
      method: 'GET',
      paths: (tx) => same(`/orders/ord-${tx.rng.int(100000, 999999)}`),
      target: { service: 'legacy-orders', handler: getOrder },
    },
    6,
  ],
  [
    {
      method: 'GET',
      paths: (tx) => same(`/shipping/quote?zip=${tx.rng.int(10000, 99999)}`),
      target: { service: 'shipping', handler: quote },
    },
    5,
  ],
  [{ method: 'POST', paths: () => same('/images'), target: 'image-resizer' }, 3],
];

/** Runs one public request starting at `startMs`; its documents land in `tx.out`, root last. */
export function handleRequest(tx: Tx, startMs: number): void {
  const route = tx.rng.weighted(ROUTES);
  const { publicPath, backendPath } = route.paths(tx);
  const seg: SegmentDoc = {
    id: newId(tx.rng),
    name: 'shop-api',
    trace_id: tx.traceId,
    start_time: sec(startMs),
    end_time: 0,
    origin: 'AWS::ApiGateway::Stage',
    resource_arn: STAGE_ARN,
    http: {
      request: {
        method: route.method,
        url: `${PUBLIC}${publicPath}`,
        user_agent: tx.shopper.userAgent,
        client_ip: tx.shopper.clientIp,
        x_forwarded_for: true,
      },
    },
    aws: {
      api_gateway: {
        account_id: ACCOUNT,
        rest_api_id: REST_API_ID,
        stage: 'prod',
        request_id: uuid(tx.rng),
      },
    },
  };
  // Authorizer, throttling and mapping before the integration is called.
  const t = startMs + tx.rng.int(1, 4);
  let endMs: number;
  let status: number;
  let bytes: number;
  if (route.target === 'image-resizer') {
    const call = invoke(tx, seg, t, LAMBDAS.imageResizer, imageResizer(tx));
    endMs = call.endMs;
    // Lambda proxy integration: an unhandled function error becomes 502 Bad Gateway.
    status = call.run.error ? 502 : 201;
    bytes = call.run.error ? 36 : 142;
  } else {
    const from = {
      clientIp: tx.shopper.clientIp,
      userAgent: tx.shopper.userAgent,
      fromGateway: true,
    };
    const call = callService(
      tx,
      seg,
      t,
      route.target.service,
      route.method,
      backendPath,
      route.target.handler,
      from,
    );
    endMs = call.endMs;
    status = call.reply.status;
    bytes = call.reply.bytes;
  }
  const end = endMs + tx.rng.int(1, 3);
  closeAt(seg, end);
  setStatus(seg, status, bytes);
  tx.out.push(seg);
}
