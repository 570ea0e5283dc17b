/**
 * Groups the demo creates on start. Names: 1..32 characters, alphanumerics and `-` (what the
 * console allows). Expressions use only syntax documented in filter-expressions.md §1–§5.
 */

export interface DemoGroup {
  GroupName: string;
  FilterExpression: string;
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  // Doc example #43 shape: any 4xx or 5xx on the checkout node.
  { GroupName: 'checkout-errors', FilterExpression: 'service("checkout") { error OR fault }' },
  // Lights up during the payment-provider-latency incident.
  { GroupName: 'slow-payments', FilterExpression: 'service("payments") { responsetime > 1 }' },
  { GroupName: 'tenant-acme', FilterExpression: 'annotation.tenant = "acme"' },
  // Bad-deploy incident: the inventory node faults.
  { GroupName: 'inventory-faults', FilterExpression: 'service("inventory") { fault }' },
  // Throttling incident: the call from cart to the carts table (the DynamoDB node is named after it).
  { GroupName: 'cart-throttles', FilterExpression: 'edge("cart", "carts") { throttle }' },
  {
    GroupName: 'gold-customer-faults',
    FilterExpression: 'fault AND annotation.customer_tier = "gold"',
  },
];
