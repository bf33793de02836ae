import { DateTimeSchema } from '@org/ocpi/v211';

console.log(DateTimeSchema.safeParse('2015-06-29T20:39:09').success); // => true
console.log(DateTimeSchema.safeParse('2015-06-29T20:39:09.123Z').success); // => true
console.log(DateTimeSchema.safeParse('2015-06-29T20:39:09+00:00').success); // => false
