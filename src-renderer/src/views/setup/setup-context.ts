// The setup view's store, for its sections and fields: one view owns it, every part reads it.
import { createContext } from 'svelte'
import type { StudySetupStore } from '../../stores/study-setup.svelte'

export const [getSetup, setSetup] = createContext<StudySetupStore>()
