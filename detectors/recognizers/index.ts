import type { Recognizer } from '../types.js';
import { personRecognizer } from './person.js';
import { collarNumberRecognizer, formNameRecognizer, courtCaseNameRecognizer, signOffNameRecognizer, mailDisplayNameRecognizer, commentAuthorRecognizer, appealNameRecognizer, mailHeaderNameRecognizer, caseRoleFieldRecognizer, lowerCaseNameRecognizer, lowerCaseMailNameRecognizer, knownAsNameRecognizer, chatSpeakerNameRecognizer } from './person-cues.js';
import { addressRecognizer, lowerCaseHomeRecognizer } from './address.js';
import { phoneRecognizer } from './phone.js';
import { STRUCTURED_RECOGNIZERS } from './structured.js';

export { personRecognizer } from './person.js';
export { collarNumberRecognizer, formNameRecognizer, courtCaseNameRecognizer, signOffNameRecognizer, mailDisplayNameRecognizer, commentAuthorRecognizer, appealNameRecognizer, mailHeaderNameRecognizer, caseRoleFieldRecognizer, lowerCaseNameRecognizer, lowerCaseMailNameRecognizer, knownAsNameRecognizer, chatSpeakerNameRecognizer } from './person-cues.js';
export { addressRecognizer, lowerCaseHomeRecognizer } from './address.js';
export { phoneRecognizer } from './phone.js';
export * from './structured.js';

/** Every recogniser, in no particular order (overlaps are resolved after all have run). */
export const ALL_RECOGNIZERS: readonly Recognizer[] = [personRecognizer, collarNumberRecognizer, formNameRecognizer, courtCaseNameRecognizer, signOffNameRecognizer, mailDisplayNameRecognizer, commentAuthorRecognizer, appealNameRecognizer, mailHeaderNameRecognizer, caseRoleFieldRecognizer, lowerCaseNameRecognizer, lowerCaseMailNameRecognizer, knownAsNameRecognizer, chatSpeakerNameRecognizer, addressRecognizer, lowerCaseHomeRecognizer, phoneRecognizer, ...STRUCTURED_RECOGNIZERS];
