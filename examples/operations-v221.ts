import { Operations } from '@org/ocpi/v221';

// What an endpoint takes and returns, looked up by module, interface role and operation.
const { method, path, request } = Operations.locations.receiver.patchEvse;
console.log(method, path); // => PATCH /{country_code}/{party_id}/{location_id}/{evse_uid}
const patch = { status: 'CHARGING', last_updated: '2024-06-01T12:00:00Z' };
console.log(request.safeParse(patch).success); // => true
console.log(request.safeParse({ status: 'CHARGING' }).success); // => false
console.log('patchTariff' in Operations.tariffs.receiver); // => false
