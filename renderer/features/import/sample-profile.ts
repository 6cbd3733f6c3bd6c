// A fictional scholarfeed page shipped with the app so a new user can try Lectern without a profile of their own.
import sampleText from '../../../resources/samples/scholarfeed-sample.txt?raw';

export const SAMPLE_PROFILE_TEXT: string = sampleText;
