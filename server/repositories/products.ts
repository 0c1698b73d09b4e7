import type { Product, ProductStatus } from '../../machines/index.ts';
import { decodeCursor, toPage, type Page } from '../pagination.ts';
import type { Db } from './rows.ts';

export interface ProductQuery {
  status?: ProductStatus | undefined;
  /** Only these products (submit checks exactly the products an order names). */
  ids?: readonly string[] | undefined;
}

/** Products with their features, default terms and flags, in product-number order. */
export async function findProducts(db: Db, tenantId: string, { status, ids }: ProductQuery, page?: { limit: number; cursor?: string | undefined }): Promise<Page<Product>> {
  if (ids !== undefined && ids.length === 0) return { items: [], nextCursor: null };
  const after = decodeCursor(page?.cursor, ['number'] as const);
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
    .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids!))
    .$if(after !== null, (qb) => qb.where('product_number', '>', after![0]))
    .orderBy('product_number')
    .$if(page !== undefined, (qb) => qb.limit(page!.limit + 1))
    .execute();
  const shown = page ? rows.slice(0, page.limit) : rows;
  const features =
    shown.length === 0
      ? []
      : await db
          .selectFrom('product_features as pf')
          .innerJoin('features as f', (j) => j.onRef('f.tenant_id', '=', 'pf.tenant_id').onRef('f.id', '=', 'pf.feature_id'))
          .select(['pf.product_id', 'pf.default_terms', 'pf.can_modify', 'pf.can_exclude', 'f.id', 'f.feature_number', 'f.name', 'f.description'])
          .where('pf.tenant_id', '=', tenantId)
          .where('pf.product_id', 'in', shown.map((p) => p.id))
          .orderBy('pf.product_id')
          .orderBy('pf.position')
          .execute();
  return toPage(rows, page?.limit ?? rows.length, (r) => [r.product_number], (row) => ({
    id: row.id,
    productNumber: row.product_number,
    name: row.name,
    crmId: row.crm_id,
    description: row.description,
    status: row.status,
    features: features
      .filter((f) => f.product_id === row.id)
      .map((f) => ({
        id: f.id,
        featureNumber: f.feature_number,
        name: f.name,
        description: f.description,
        defaultTerms: f.default_terms,
        canModify: f.can_modify,
        canExclude: f.can_exclude,
      })),
  }));
}

/** Every product matching, unpaginated (effects: the catalog, the products of a license). */
export async function allProducts(db: Db, tenantId: string, query: ProductQuery): Promise<Product[]> {
  return (await findProducts(db, tenantId, query)).items;
}
