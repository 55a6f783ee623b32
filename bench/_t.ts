import { largeFixtures } from './parquet-fixtures';
console.time('gen'); console.log(await largeFixtures('bench/.cache')); console.timeEnd('gen');
