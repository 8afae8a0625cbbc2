export { LeakwatchStore } from '../../storage/index.js';
export { SECRETS_FILE_NAME as SECRETS_FILE_NAME_FOR_TESTS } from '../../storage/secrets.js';
