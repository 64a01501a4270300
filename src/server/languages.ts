/** The languages this server speaks, in one list used by every entry point. */
import { emlFeatures } from './eml/emlFeatures';
import type { LanguageFeatures } from './features';
import { smtpFeatures } from './smtp/smtpFeatures';

/** Every language served. */
export const LANGUAGES: readonly LanguageFeatures[] = [emlFeatures, smtpFeatures];
