// The POK domain's public face for the CLI, the validator (pok-ongetekend) and the monthly
// report (POK state). Importing this module does not load pdfkit: rendering is reached through
// dynamic imports only, so `bpv --help` and `bpv validate` stay fast.

export {
  POK_PARTIES,
  guardianRequired,
  isRecognised,
  loadAllPokSources,
  loadPokSource,
  missingPokFields,
  pokDataHash,
  pokNummer,
  requiredParties,
  studentNaam,
  type PokData,
  type PokParty,
  type PokPerson,
  type PlacementPokSource,
} from './data.js';
export { PokError, type PokExitCode } from './errors.js';
export { writePokFiles } from './files.js';
export {
  POK_FIELDS,
  defaultTemplatePath,
  loadPokTemplate,
  parsePokTemplate,
  type PokField,
  type PokTemplate,
} from './template.js';
export {
  POOL_MIN_PLACEMENTS,
  allPlacementIds,
  generatePok,
  generatePoks,
  generatePoksIter,
  isPokParty,
  planPok,
  pokFileNames,
  pokState,
  pokStatus,
  recordPok,
  renderPlan,
  signPok,
  type PokBatchOptions,
  type PokGenerated,
  type PokGenerateOptions,
  type PokGenerateResult,
  type PokNotice,
  type PokPlan,
  type PokRefused,
  type PokSignOptions,
  type PokSignResult,
  type PokState,
  type PokStatusEntry,
  type PokStatusOptions,
  type RenderedPok,
} from './versions.js';
export type { PokCopy } from './render.js';
export { pokMessage, type PokLang, type PokMessageKey, type PokMessageParams } from '../i18n/pok.js';
