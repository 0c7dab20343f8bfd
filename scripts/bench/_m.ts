import { heavyFacebook } from '../../tests/fixtures/heavy/facebook';
import { benchMatching } from './matching';
const heavy = heavyFacebook({ streamCards: 2000, clientEvery: 40, arrivals: 20, clients: 10000 });
console.log(benchMatching(heavy, 10000, 8));
