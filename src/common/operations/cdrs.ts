import { operation, type Schema } from '../transport/operation';

/**
 * The CDRs interface of the party that receives them (the eMSP; 2.2.1 calls it the Receiver): it takes
 * a POST and answers with the stored CDR's URL in the `Location` header, where the CDR can later be read
 * (`getCdr`, at that URL). The owner's side is the list alone.
 */
/* @__NO_SIDE_EFFECTS__ */
export function cdrsReceiverOperations<CDR>(cdr: Schema<CDR>) {
  return {
    postCdr: operation({ method: 'POST', path: '', request: cdr, locationHeader: true }),
    getCdr: operation({ method: 'GET', path: '{cdr_location_url}', response: cdr, externalUrl: true }),
  } as const;
}
