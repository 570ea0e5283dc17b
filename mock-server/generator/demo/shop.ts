import type { Database } from './aws-calls.ts';
import type { ServiceDef } from './hosts.ts';
import type { LambdaDef } from './lambda.ts';

/** The demo shop's inventory of services, tables, queues and databases. */

export const SERVICES = {
  checkout: {
    name: 'checkout',
    kind: 'ecs',
    runtime: 'node',
    version: '3.14.2',
    workingDir: '/app',
    skewMs: [0, 0, 2],
  },
  cart: {
    name: 'cart',
    kind: 'ecs',
    runtime: 'node',
    version: '2.8.0',
    workingDir: '/app',
    skewMs: [0, 1],
  },
  catalog: {
    name: 'catalog',
    kind: 'ecs',
    runtime: 'node',
    version: '5.2.1',
    workingDir: '/app',
    skewMs: [0, 0, 0, -1],
  },
  payments: {
    name: 'payments',
    kind: 'ecs',
    runtime: 'node',
    version: '1.19.4',
    workingDir: '/app',
    skewMs: [0, 0],
  },
  inventory: {
    name: 'inventory',
    kind: 'ecs',
    runtime: 'node',
    version: '2024.11.3',
    workingDir: '/app',
    skewMs: [0, 0, 1],
  },
  shipping: {
    name: 'shipping',
    kind: 'ecs',
    runtime: 'node',
    version: '0.9.7',
    workingDir: '/app',
    skewMs: [0],
  },
  // A Python service on a host whose clock runs a few ms behind.
  recommendations: {
    name: 'recommendations',
    kind: 'ecs',
    runtime: 'python',
    version: '2024.10.28',
    workingDir: '/srv/recs',
    skewMs: [-3, 0],
  },
  // The Java monolith on EC2; one of its two instances has drifted 6 ms ahead.
  legacyOrders: {
    name: 'legacy-orders',
    kind: 'ec2',
    runtime: 'java',
    version: '7.4.12',
    workingDir: '/opt/legacy-orders',
    skewMs: [0, 6],
  },
} as const satisfies Record<string, ServiceDef>;

/** The inventory version rolled out (and rolled back) by the bad-deploy incident. */
export const BAD_INVENTORY_VERSION = '2024.11.4';

export const TABLES = {
  products: 'products',
  carts: 'carts',
  payments: 'payments',
  recommendations: 'recommendations-by-product',
  risk: 'risk-signals',
  rates: 'shipping-rates',
} as const;

export const QUEUES = { orderEvents: 'order-events' } as const;
export const TOPICS = { orderNotifications: 'order-notifications' } as const;
export const BUCKETS = {
  uploads: 'shop-uploads-prod',
  thumbnails: 'shop-thumbnails-prod',
  models: 'shop-ml-models',
} as const;

export const DATABASES = {
  inventory: {
    host: 'inventory-db.cluster-c7x2kq9m1abc.us-east-1.rds.amazonaws.com',
    database: 'inventory',
    user: 'inventory_svc',
    driver: 'node-postgres 8.11.3',
  },
  orders: {
    host: 'orders-db.cluster-c7x2kq9m1abc.us-east-1.rds.amazonaws.com',
    database: 'orders',
    user: 'legacy_orders',
    driver: 'PostgreSQL JDBC Driver 42.6.0',
  },
} as const satisfies Record<string, Database>;

export const LAMBDAS = {
  fraudCheck: { name: 'fraud-check', version: '41', coldRate: 0.06, initMedianMs: 420 },
  shippingRates: { name: 'shipping-rates', version: '12', coldRate: 0.1, initMedianMs: 310 },
  imageResizer: { name: 'image-resizer', version: '7', coldRate: 0.15, initMedianMs: 780 },
} as const satisfies Record<string, LambdaDef>;

export const STRIPE_HOST = 'api.stripe-payments.example.com';

export const CATEGORIES = [
  'tents',
  'backpacks',
  'jackets',
  'boots',
  'climbing',
  'bikes',
  'running',
  'camp-kitchen',
];

export function sku(n: number): string {
  return `SKU-${10000 + (n % 90000)}`;
}
