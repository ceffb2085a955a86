import { InitialIntelligenceSchema1763769600000 } from './1763769600000-initial-intelligence-schema';
import { IntelligenceProfiles1764115200000 } from './1764115200000-intelligence-profiles';

/** Every migration, in order. Listed explicitly so bundling cannot lose one. */
export const INTELLIGENCE_MIGRATIONS = [InitialIntelligenceSchema1763769600000, IntelligenceProfiles1764115200000];
