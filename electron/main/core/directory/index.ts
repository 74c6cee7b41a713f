// The provider directory and the claim deadlines it sets.
export { defaultDirectoryDir, providerDirectory, readDirectory, DIRECTORY_FILE } from './library'
export { caseDeadlines } from './case-deadlines'
