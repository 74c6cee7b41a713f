// English texts. The Japanese dictionary (ja.ts) is typed by this one, so a
// key missing or extra in either is a compile error.
import type { CaseKind, CaseStatus, Channel, EventKind, EvidenceMimeType, OrganizationRole } from '../../../shared/domain'
import { MAX_PICTURE_PIXELS } from '../../../shared/image-size'
import { PASSPHRASE_WORDS_EN } from '../../../shared/passphrase-rule'
import { TERMS } from '../../../shared/terms'

// The words the PDFs say too (timeline, evidence, follow-up, acquired on…) come from shared/terms.ts.
const E = TERMS.en

export const en = {
  languageName: 'English',
  appName: 'Kiroku',

  // Generic actions
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  edit: 'Edit',
  delete: 'Delete',
  add: 'Add',
  back: 'Back',
  none: '—',
  optional: 'optional',
  saved: 'Saved.',
  deleted: 'Deleted.',
  working: 'Working…',

  // Start screen
  startTitle: 'Your case files',
  startIntro: 'Each case lives in one encrypted file on this computer. Nothing leaves it unless you export it.',
  recentFiles: 'Recent case files',
  noRecentFiles: 'No case files opened yet.',
  openRecent: (name: string) => `Open ${name}`,
  forgetRecent: (name: string) => `Remove ${name} from this list`,
  forget: 'Remove from list',
  newCase: 'New case',
  openCase: 'Open case file…',
  settings: 'Settings',

  // New case
  newCaseTitle: 'New case',
  caseTitle: 'Title',
  caseTitleHint: 'e.g. V Point (formerly T-Point) stolen via Yahoo! JAPAN ID',
  caseKind: 'Kind of fraud',
  saveAs: 'File',
  chooseFile: 'Choose where to save…',
  noFileChosen: 'No file chosen yet (you will be asked when you create the case).',
  passphrase: 'Passphrase',
  passphraseRepeat: 'Passphrase again',
  passphraseWarning:
    'Write your passphrase down somewhere safe. If you lose it, nobody can open this case file again: it cannot be recovered or reset.',
  passphraseMismatch: 'The two passphrases are not the same.',
  // A new passphrase (new case, encrypted copy): the rule's meter and reasons, as the main process gives them (shared/passphrase-rule.ts).
  newPassphrase: {
    strength: 'Passphrase strength',
    meter: ['Very weak', 'Weak', 'Not strong enough', 'Good', 'Strong'] as readonly string[],
    tooShortLabel: 'Too short',
    refusedLabel: 'Not accepted',
    empty: 'Not typed yet',
    checking: 'Checking…',
    unavailableLabel: 'Unavailable',
    unavailable: 'The passphrase check could not be loaded, so no new passphrase can be accepted. Restart Kiroku.',
    hint: 'At least 8 characters. Several words that do not belong together, in Japanese or English, are strong and easy to remember.',
    accepted: 'Strong enough.',
    show: 'Show passphrase',
    blockedChecking: 'Checking the passphrase…',
    blockedEmpty: (action: string) => `“${action}” becomes available once you have typed a passphrase.`,
    blockedRefused: (action: string) => `“${action}” becomes available once the passphrase is accepted: the reason is under it.`,
    words: PASSPHRASE_WORDS_EN,
  },
  createCase: 'Create case',

  // Unlock
  unlockTitle: 'Unlock case file',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  otherFile: 'Other case file',
  lockedAfterIdle: 'The case was locked because nothing happened for a while.',
  rememberHere: 'Remember on this device',
  rememberInstead: 'Remember this passphrase instead',
  rememberHint: 'Anyone who can log in to this computer account can then open this case without typing the passphrase.',
  rememberedSection: 'Remembered passphrase',
  rememberedHere: 'The passphrase of this case file is remembered on this device.',
  unlockRemembered: 'Unlock with the remembered passphrase',
  forgetRemembered: 'Forget it',
  rememberedForgotten: 'The passphrase remembered on this device could not be read back from its keyring (was the keyring reset?), so it was forgotten. Type the passphrase.',

  // Case screen
  lock: 'Lock',
  callNote: 'Record a contact',
  caseSections: 'Case sections',
  tabs: {
    overview: 'Overview',
    timeline: E.chronology,
    evidence: E.evidence,
    organizations: 'Organisations',
    references: 'Reference numbers',
    losses: 'Losses',
    tasks: 'Follow-ups',
    plan: 'Plan',
  },
  shortcutHint: 'Shortcuts',

  // Overview
  status: 'Status',
  summary: 'Summary',
  summaryPlaceholder: 'What happened, in a few sentences.',
  saveSummary: 'Save summary',
  totals: 'Lost and recovered',
  unit: 'Unit',
  lost: 'Lost',
  recovered: 'Recovered',
  outstanding: 'Outstanding',
  noLosses: 'No losses recorded.',
  openTasks: 'Open follow-ups',
  overdue: 'Overdue',
  overdueCount: (n: number) => `${n} overdue`,
  noOpenTasks: 'No open follow-ups.',
  latestReferences: 'Latest reference numbers',
  noReferences: 'No reference numbers yet.',
  due: (date: string) => `due ${date}`,

  // Timeline
  timeline: E.chronology,
  search: 'Search',
  searchPlaceholder: 'Search notes, numbers, names…',
  filterKind: 'Kind',
  filterOrganization: 'Organisation',
  allKinds: 'All kinds',
  allOrganizations: 'All organisations',
  showing: (shown: number, total: number) => `${shown.toLocaleString()} of ${total.toLocaleString()} events`,
  searchLimited: 'Only the first 200 matches are shown.',
  alsoFound: 'Also found in',
  noEvents: 'No events yet. Log a call or add an event.',
  noMatches: 'Nothing matches.',
  newEvent: 'New event',
  editEvent: 'Edit event',
  jumpToLatest: 'Latest',
  eventActions: (title: string) => `Actions for ${title}`,
  editThis: (title: string) => `Edit ${title}`,
  deleteThis: (title: string) => `Delete ${title}`,
  duration: (min: number) => `${min} min`,
  evidenceOf: (n: number) => `${n} evidence`,

  // Event fields
  when: 'When',
  offset: 'UTC offset',
  kind: 'Kind',
  title: 'Title',
  body: 'Notes',
  organization: 'Organisation',
  noOrganization: 'No organisation',
  newOrganizationOption: '+ New organisation…',
  newOrganizationName: 'New organisation name',
  role: 'Role',
  representative: 'Representative',
  channel: 'Channel',
  durationMinutes: 'Duration (minutes)',
  privateEvent: 'Private: leave out of shared copies',
  privateEvidence: 'Private: leave out of shared copies',
  privateBadge: 'Private',
  privateRecord: 'Private: leave out of dossiers, sheets and shared copies',
  linkedEvidence: 'Linked evidence',
  // Offered in the event dialog when an event is marked private but what it names is not
  alsoPrivate: {
    title: 'Keep these private too?',
    intro: 'This event will be left out of dossiers, preparation sheets and shared copies, but these still go out in them:',
    organization: (name: string) => `Also make the organisation “${name}” private`,
    newOrganization: 'Also make the new organisation private',
    loss: (description: string) => `Also make the loss “${description}” private`,
    note: 'A private organisation is left out everywhere: other events that name it are shown without its name.',
  },

  // Call note
  callNoteTitle: 'Record a contact',
  callSubject: 'Subject',
  callSubjectDefault: (org: string) => (org ? `Call with ${org}` : 'Phone call'),
  whatWasSaid: 'What was said',
  referenceGiven: 'Reference number given',
  referenceLabel: 'Label',
  referenceValue: 'Number',
  defaultReferenceLabel: '受付番号',
  promise: 'What they promised',
  promiseWhat: 'Promise',
  promisePlaceholder: 'e.g. will call back with the result',
  promiseDue: 'By when',
  promiseDefaultTitle: (org: string) => (org ? `Answer from ${org}` : 'Expected answer'),
  inDays: (n: number) => (n === 7 ? 'in 1 week' : `in ${n} days`),
  logCall: 'Save contact',
  submitHint: 'Enter saves; Ctrl+Enter inside notes.',
  callLogged: 'Contact saved.',

  // Evidence
  evidence: 'Evidence',
  addEvidence: 'Add evidence',
  dropHere: 'Drop screenshots or files here, paste a screenshot (Ctrl+V), or',
  chooseFiles: 'choose files',
  noEvidence: 'No evidence yet.',
  evidenceAdded: (n: number) => (n === 1 ? 'Evidence added.' : `${n} pieces of evidence added.`),
  evidenceDuplicate: (name: string) => `${name} is already in this case.`,
  tooLarge: (name: string, mb: string) => `${name} is ${mb} MB; one piece of evidence may be at most 50 MB.`,
  unsupportedType: (name: string) =>
    `${name} cannot be added: only PNG, JPEG, WebP, GIF, PDF, plain text and e-mail (.eml) files are accepted.`,
  cannotRead: (name: string) => `${name} could not be read.`,
  pictureTooLarge: (name: string, width: number, height: number) =>
    `${name} is a picture of ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels. ` +
    `Kiroku takes pictures of up to ${MAX_PICTURE_PIXELS / 1_000_000} million pixels (an 8K screen is 33 million), ` +
    'because opening a larger one could need more memory than this computer has. If it is a real picture, save a smaller copy and add that.',
  pictureNotShown: 'Not shown',
  pictureNotShownWhy: 'This picture is not shown: its size cannot be read, or it is too large to open safely. The original is kept unchanged.',
  hiddenCharacters:
    'The name or caption holds invisible or direction-changing characters, written out here as 〔U+…〕. They can make a file look like another kind (an .exe like a .png).',
  sha256: 'SHA-256',
  fileName: 'File name',
  fileSize: 'Size',
  fileType: 'Type',
  addedAt: 'Added',
  caption: 'Caption',
  capturedAt: E.acquiredOn,
  linkedEvents: 'Linked events',
  noLinkedEvents: 'Not linked to any event.',
  linkToEvent: 'Link to an event',
  findEvent: 'Find event',
  link: 'Link',
  unlink: 'Unlink',
  linkThis: (title: string) => `Link to ${title}`,
  unlinkThis: (title: string) => `Unlink from ${title}`,
  viewEvidence: (name: string) => `View ${name}`,
  evidenceMime: {
    'image/png': 'PNG image',
    'image/jpeg': 'JPEG image',
    'image/webp': 'WebP image',
    'image/gif': 'GIF image',
    'application/pdf': 'PDF',
    'text/plain': 'Text',
    'message/rfc822': 'E-mail',
  } satisfies Record<EvidenceMimeType, string>,

  // Lists
  organizations: 'Organisations',
  newOrganization: 'New organisation',
  editOrganization: 'Edit organisation',
  name: 'Name',
  phone: 'Phone',
  email: 'E-mail',
  url: 'Web address',
  notes: 'Notes',
  noOrganizations: 'No organisations yet.',
  references: 'Reference numbers',
  newReference: 'New reference number',
  editReference: 'Edit reference number',
  label: 'Label',
  value: 'Number',
  issuedAt: 'Issued on',
  losses: 'Losses',
  newLoss: 'New loss',
  editLoss: 'Edit loss',
  description: 'Description',
  amount: 'Amount',
  occurredOn: 'Happened on',
  expectedRecoveryAt: 'Expected back by',
  tasks: 'Follow-ups',
  newTask: 'New follow-up',
  editTask: 'Edit follow-up',
  dueAt: 'Due',
  done: 'Done',
  markDone: (title: string) => `${title} done`,
  noTasks: 'No follow-ups yet.',
  date: 'Date',

  // Dossier, encrypted copy and ZIP bundle (renderer/src/case/sharing)
  sharing: {
    dossierButton: 'Dossier',
    shareButton: 'Encrypted copy',
    bundleButton: 'ZIP bundle',
    handOver: 'Hand over or merge',
    dossierTitle: 'Dossier (PDF)',
    dossierIntro: 'A PDF report of this case to hand to the police or a provider. Items marked private are left out.',
    audience: 'For',
    audiences: { police: 'Police', provider: 'A provider' },
    providerOrganization: 'Provider',
    wholeCase: 'Not one in particular (the whole case)',
    providerHint: 'Only that organisation’s events, numbers, losses and follow-ups, plus the incident itself.',
    dossierLanguage: 'Dossier language',
    dateStyle: 'Dates',
    dateStyles: { western: 'Western', japanese: 'Japanese era (和暦)' },
    redact: 'Redact personal details',
    redactHint: 'Phone numbers, e-mail addresses, account numbers and your address are masked except their last 4 characters.',
    makeDossier: 'Make dossier…',
    makingDossier: 'Making the dossier: choose where to save it, then the PDF is written…',
    dossierMade: 'Dossier saved.',
    dossierNotSaved: 'The dossier was not saved.',
    pages: (n: number) => (n === 1 ? '1 page' : `${n.toLocaleString()} pages`),
    files: (n: number) => (n === 1 ? '1 file' : `${n.toLocaleString()} files`),
    savedTo: 'Saved to',
    showInFolder: 'Show in folder',
    bundleTitle: 'Submission bundle (ZIP)',
    bundleIntro: 'One ZIP with the dossier, every original piece of evidence (except private ones) and a manifest of their SHA-256 hashes, for someone who needs the files themselves.',
    bundleWarningTitle: 'This ZIP is NOT encrypted',
    bundleWarning:
      'Anyone who has the file can open it and read everything in it, without any passphrase. Hand it over in person or on a USB stick; to send the case over the internet, make an encrypted copy instead.',
    useShareInstead: 'Make an encrypted copy instead',
    makeBundle: 'Make ZIP…',
    makingBundle: 'Making the ZIP: choose where to save it, then the dossier and evidence are written…',
    bundleMade: 'ZIP bundle saved (not encrypted).',
    bundleNotSaved: 'The ZIP bundle was not saved.',
    shareTitle: 'Encrypted copy',
    shareIntro:
      'Makes a copy of this case that the recipient opens with Kiroku, under a passphrase of its own. Your case file and its passphrase stay as they are.',
    casePassphrase: 'Case passphrase (asked again)',
    casePassphraseHint: 'Sharing is your decision: confirm it with this case’s own passphrase.',
    sharePassphrase: 'New passphrase for the copy',
    sharePassphraseRepeat: 'New passphrase for the copy, again',
    sharePassphraseHint: 'Tell the recipient this passphrase another way than the file (by phone, in person), never in the same message.',
    sameAsCasePassphrase: 'Choose a passphrase for the copy that is different from the case passphrase.',
    wrongCasePassphrase: 'That is not this case’s passphrase. No copy was made.',
    checkCasePassphrase: 'Type the passphrase you unlock this case with (not the new one for the copy).',
    withoutPrivate: 'Leave out private items',
    privateCount: (events: number, evidence: number, organizations: number, losses: number) =>
      events + evidence + organizations + losses === 0
        ? 'Nothing in this case is marked private.'
        : organizations + losses === 0
          ? `This case has ${events} private ${events === 1 ? 'event' : 'events'} and ${evidence} private ${evidence === 1 ? 'piece' : 'pieces'} of evidence.`
          : `This case has ${events} private ${events === 1 ? 'event' : 'events'}, ${evidence} private ${evidence === 1 ? 'piece' : 'pieces'} of evidence, ${organizations} private ${organizations === 1 ? 'organisation' : 'organisations'} and ${losses} private ${losses === 1 ? 'loss' : 'losses'}.`,
    linkedToPrivate: {
      title: 'Still in the copy, though linked to private events',
      organization: (name: string) => `Organisation: ${name}`,
      loss: (description: string) => `Loss: ${description}`,
      reference: (label: string, value: string) => `Reference number: ${label} ${value}`,
      hint: 'To leave them out as well, mark the organisation or the loss private in its list (its reference numbers then go without its name).',
    },
    leaveOutEvidence: 'Evidence to leave out',
    privateLeftOut: 'private: left out',
    noEvidence: 'This case has no evidence.',
    leavingOut: (n: number) => (n === 1 ? '1 piece of evidence will be left out.' : `${n} pieces of evidence will be left out.`),
    makeShare: 'Make encrypted copy…',
    makingShare: 'Making the encrypted copy: choose where to save it, then the copy is written and checked…',
    shareMade: 'Encrypted copy saved.',
    shareNotSaved: 'No copy was made.',
    shareHolds: (events: number, evidence: number) =>
      `It holds ${events} ${events === 1 ? 'event' : 'events'} and ${evidence} ${evidence === 1 ? 'piece' : 'pieces'} of evidence.`,
    shareLeftOut: (events: number, evidence: number, organizations: number, losses: number) =>
      organizations + losses === 0
        ? `Left out: ${events} ${events === 1 ? 'event' : 'events'} and ${evidence} ${evidence === 1 ? 'piece' : 'pieces'} of evidence.`
        : `Left out: ${events} ${events === 1 ? 'event' : 'events'}, ${evidence} ${evidence === 1 ? 'piece' : 'pieces'} of evidence, ${organizations} ${organizations === 1 ? 'organisation' : 'organisations'} and ${losses} ${losses === 1 ? 'loss' : 'losses'}.`,
    shareRemember: 'The recipient needs the new passphrase to open it.',
    mergeButton: 'Merge…',
    mergeTitle: 'Merge a shared case',
    mergeIntro:
      'Adds to this case what a shared Kiroku file has and this case lacks: organisations, events, reference numbers, losses, evidence and follow-ups. Nothing in this case is removed or changed, and the same evidence is never added twice.',
    mergePassphrase: 'Passphrase of the shared file',
    mergePassphraseHint: 'The passphrase you were told with the shared file, not this case’s own. You choose the file next.',
    makeMerge: 'Merge…',
    merging: 'Merging: choose the shared file, then it is checked and what is new is added…',
    mergeMade: 'Shared case merged.',
    mergedFrom: 'Merged from',
    mergeNotDone: 'Nothing was merged.',
    wrongSharedPassphrase: 'That passphrase does not open the shared file. Nothing was merged.',
    checkSharedPassphrase: 'Type the passphrase of the shared file (the one you were told), not this case’s own. If it is right, the file may be damaged.',
    mergeAdded: (added: MergeAdded) => {
      const parts = (
        [
          [added.organizations, 'organisation', 'organisations'],
          [added.events, 'event', 'events'],
          [added.references, 'reference number', 'reference numbers'],
          [added.losses, 'loss', 'losses'],
          [added.evidence, 'piece of evidence', 'pieces of evidence'],
          [added.tasks, 'follow-up', 'follow-ups'],
          [added.planSteps, 'plan step (new or updated)', 'plan steps (new or updated)'],
        ] as const
      )
        .filter(([n]) => n > 0)
        .map(([n, one, many]) => `${n.toLocaleString()} ${n === 1 ? one : many}`)
      if (parts.length === 0) return 'Nothing new: this case already had everything.'
      const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
      return `Added ${list}.`
    },
    planNotMerged: (kind: string) => `The shared case follows the plan for “${kind}”; this case keeps its own plan, so those steps were not merged.`,
  },

  // Recovery plan, what next, follow-up reminders (renderer/src/case/plan)
  plan: {
    whatNext: 'What next',
    nothingNext: 'Nothing to chase right now. Kiroku will remind you when a promise falls due.',
    overdueBy: (n: number) => (n === 1 ? '1 day overdue' : `${n} days overdue`),
    dueToday: 'Due today',
    dueIn: (n: number) => (n === 1 ? 'Due tomorrow' : `Due in ${n} days`),
    followUp: E.followUp,
    promisedBy: (org: string) => `Promised by ${org}`,
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    progress: (done: number, total: number) => `${done} of ${total} steps done`,
    why: 'Why',
    prepare: 'Have ready',
    markDone: 'Mark done',
    followUpDone: 'Follow-up marked done.',
    stepDone: 'Step done; noted on the timeline.',
    stepUndone: 'Step marked as not done.',
    doneOn: (date: string) => `Done ${date}`,
    callNoteTo: (role: string) => `Call note: ${role}`,
    callAbout: (org: string) => (org ? `Call ${org}` : 'Log a call'),
    addEvidence: 'Add screenshots…',
    prepSheet: { police: `Sheet for the police (PDF, ${E.ownCopy.toLowerCase()})`, provider: `Sheet for the call (PDF, ${E.ownCopy.toLowerCase()})` },
    prepSaved: (path: string) => `Preparation sheet saved: ${path}`,
    showPlan: 'Show the whole plan',
    then: 'After that',
    waitingFor: 'Waiting for',
    title: 'Recovery plan',
    noPlan: 'This case has no recovery plan yet. A plan lists what to do, in order, for this kind of fraud.',
    startPlan: 'Start the plan',
    noPlanShort: 'No recovery plan yet: a checklist of what to do, in order.',
    planFor: 'Plan for',
    choice: 'Recovery plan',
    choiceSame: 'Yes: the plan for the kind chosen above',
    choiceNone: 'No plan for now',
    choiceOther: 'The plan for another kind',
    choiceHint: 'A checklist of what to do, in order. You can tick, hide or add steps later.',
    hide: 'Hide',
    hideStep: (title: string) => `Hide “${title}”`,
    show: 'Show again',
    hiddenSteps: (n: number) => (n === 1 ? '1 hidden step' : `${n} hidden steps`),
    alsoKind: 'This case is also',
    addKindSteps: 'Add its steps',
    kindAdded: (kind: string, n: number) =>
      n === 0 ? `Every step for ${kind} was already in the plan.` : `Added ${n} ${n === 1 ? 'step' : 'steps'} for ${kind}; steps the kinds share are listed once.`,
    notes: 'Your notes',
    saveNotes: 'Save notes',
    addStep: 'Add a step of your own',
    newStepTitle: 'What to do',
    addStepButton: 'Add step',
    removeStep: (title: string) => `Remove “${title}”`,
    yourStep: 'Your step',
    stepCheckbox: (title: string) => `${title}: done`,
    alsoMarkStep: (title: string) => `Also mark the step “${title}” done`,
    notificationTitle: 'Kiroku: a follow-up is due',
    notificationDue: (n: number) => (n === 1 ? 'A follow-up is due today. Open Kiroku to see it.' : `${n} follow-ups are due today. Open Kiroku to see them.`),
    notificationOverdue: (n: number) => (n === 1 ? 'A follow-up is now overdue. Open Kiroku to see it.' : `${n} follow-ups are now overdue. Open Kiroku to see them.`),
    overdueFollowUps: 'Overdue follow-ups',
    lateBy: (n: number) => (n === 1 ? '1 day late' : `${n} days late`),
  },

  // Confirm
  confirmDeleteTitle: 'Delete?',
  confirmDelete: (what: string) => `Delete “${what}”? This cannot be undone.`,

  // Settings
  settingsTitle: 'Settings',
  language: 'Language',
  idleMinutes: 'Lock after this many idle minutes',
  idleHint: 'When nothing happens for this long, the case is locked and cleared from the screen.',
  rememberedPassphrases: 'Remembered passphrases',
  rememberedCount: (count: number) =>
    count === 0
      ? 'No passphrase is remembered on this device.'
      : count === 1
        ? 'The passphrase of one case file is remembered on this device.'
        : `The passphrases of ${count} case files are remembered on this device.`,
  rememberUnavailable: 'This device has no keyring that Kiroku trusts with a passphrase, so none is ever remembered here.',
  forgetAllRemembered: 'Forget remembered passphrases',
  forgotAllRemembered: 'Forgotten. Every case file asks for its passphrase again.',

  // Shortcuts
  shortcuts: {
    callNote: 'Record a contact',
    search: 'Search the timeline',
    lock: 'Lock',
    submit: 'Save',
    closeDialog: 'Close dialog',
  },

  // Another case file double-clicked while one is open (OpenRequestDialog)
  openRequest: {
    title: 'Open another case file?',
    text: 'Kiroku was asked to open this case file:',
    consequence: 'This case will be locked first (everything in it is already saved). You can open it again from the start screen.',
    stay: 'Stay in this case',
    open: 'Lock this case and open it',
  },

  // The open file is older than, or differs from, what this computer saw (HistoryBanner)
  history: {
    olderTitle: 'This file is older than the case this computer last saw',
    divergedTitle: 'This file has a different history from the case this computer saw',
    older: (seenAt: string, seenSeq: number, fileSeq: number) =>
      `On ${seenAt} this computer saw the case with ${seenSeq} recorded changes; this file has only ${fileSeq}. Changes made since then are not in it.`,
    diverged: (seenAt: string, seenSeq: number) =>
      `Change ${seenSeq}, which this computer saw on ${seenAt}, is not the same in this file: it is another copy of the case, or its log was rewritten.`,
    whatItMeans:
      'This happens when an old copy or backup is put back by hand, or a synced folder restores an older version. Until you decide, every dossier made from this file says so.',
    accept: 'Keep this file as it is',
  },

  // Backups and restoring one (RestoreOffer, RestoreBackupDialog, BackupsDialog)
  restore: {
    offerTitle: 'Restore from a backup',
    available: (count: number, newest: string) =>
      count === 1 ? `Kiroku has one backup of this file, from ${newest}.` : `Kiroku has ${count} backups of this file; the newest is from ${newest}.`,
    ifSure: 'If you are sure of the passphrase, the file is damaged.',
    noBackups:
      'Kiroku has no backup of this file on this computer. If you have a copy of it elsewhere (a USB stick, another computer), open that copy instead.',
    restoreButton: 'Restore from a backup…',
    title: 'Restore from a backup',
    intro: (file: string) => `Kiroku keeps encrypted copies of ${file} from the times it was open. Choose the one to put back.`,
    listLabel: 'Backups, newest first',
    newest: 'newest',
    continue: 'Continue',
    chosen: 'Backup from',
    passphrase: 'Passphrase of the backup',
    passphraseHint:
      'A backup is encrypted with the passphrase the case had when the backup was made. If you have changed the passphrase since, type the old one.',
    keptAside: (file: string) =>
      `Nothing is deleted: the current file is kept beside the restored one as “${file}.before-restore-” followed by the date and time.`,
    restoreAndOpen: 'Restore and open',
    restoring: 'Restoring…',
    wrongPassphrase: 'This passphrase does not open the backup. Type the passphrase the case had when the backup was made.',
    done: (when: string, kept: string | undefined) =>
      kept ? `Restored the backup from ${when}. The file it replaced is kept as ${kept}.` : `Restored the backup from ${when}.`,
    backupsButton: 'Backups…',
    settingsHint: 'Encrypted copies of this case, to put back if something was deleted by mistake.',
    backupsTitle: 'Backups of this case',
    backupsIntro:
      'Kiroku keeps encrypted copies of this case on this computer: when you close it, and every hour while it is open, whenever something changed. The newest 10 are kept.',
    made: 'Made',
    size: 'Size',
    noneYet: 'No backup yet: the first one is made when you close this case.',
    restoreOne: 'Restore a backup…',
    confirmTitle: 'Close this case to restore a backup?',
    confirmText: (file: string) =>
      `Restoring closes this case first; you then choose a backup and type its passphrase. The backup replaces ${file}: what you changed after it was made will not be in it. The current file is not deleted but kept beside it, renamed.`,
    confirmYes: 'Close the case',
  },

  // Errors
  errorTitle: 'That did not work',
  pathNotOffered: 'Kiroku did not offer this file here. Choose it again with “Open case file…”.',
  openFailure: {
    wrong_passphrase_or_damaged: 'Wrong passphrase, or the file is damaged. Nothing was changed.',
    not_a_case_file: 'This is not a Kiroku case file.',
    empty_file: 'This file is empty: the case is no longer in it. Kiroku keeps encrypted backups of the cases it opens; you can put one back.',
    missing: 'The file does not exist (any more).',
    truncated: 'The file is cut short; it may not have been copied or saved completely. Kiroku keeps encrypted backups of the cases it opens; you can put one back.',
    corrupt: 'The file is damaged: some of it cannot be read. It was not changed. Kiroku keeps encrypted backups of the cases it opens; you can put one back.',
    newer_version: 'This case file was written by a newer Kiroku. Please update.',
    already_exists: 'A file already exists there.',
  } as Record<string, string>,

  // Enumerations
  /** Between the items of a short list (the kinds of a case). */
  listSeparator: ', ',
  caseKinds: E.caseKinds satisfies Record<CaseKind, string>,
  caseStatuses: E.caseStatuses satisfies Record<CaseStatus, string>,
  eventKinds: E.eventKinds satisfies Record<EventKind, string>,
  roles: E.roles satisfies Record<OrganizationRole, string>,
  channels: E.channels satisfies Record<Channel, string>,
  searchEntities: {
    event: 'Event',
    reference: 'Reference number',
    organization: 'Organisation',
    loss: 'Loss',
    evidence: E.evidence,
    police_record: 'Police record',
  },
}

export type Messages = typeof en

/** What a merge added, by kind (the case:merge answer). */
export type MergeAdded = Record<'organizations' | 'events' | 'references' | 'losses' | 'evidence' | 'tasks' | 'planSteps', number>
