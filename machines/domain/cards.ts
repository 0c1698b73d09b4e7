import { z } from 'zod';
import { Customer } from './entities.ts';
import { OrderSummary, SerialSummary } from './order.ts';

/** The customer card: its data and its two tabs. */
export const CustomerCard = z.object({
  customer: Customer,
  serials: z.array(SerialSummary),
  orders: z.array(OrderSummary),
});
export type CustomerCard = z.infer<typeof CustomerCard>;
