// `electron` is mocked (no runtime on build machines): this checks what the main process shows the user.
import { describe, expect, it, vi } from 'vitest';
import { INTERNAL_MESSAGE } from '../../shared/error-messages';

const showErrorBox = vi.fn();
vi.mock('electron', () => ({ dialog: { showErrorBox } }));
const { reportMainProcessError } = await import('../../electron/main/crash-guard');

describe('main process crash guard', () => {
  it('shows a sentence instead of a stack, once, and logs the error for the developer', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = new TypeError("Cannot read properties of undefined (reading 'webContents')");
    reportMainProcessError(boom);
    reportMainProcessError(new Error('again'));
    expect(showErrorBox.mock.calls).toEqual([['Lectern ran into a problem', INTERNAL_MESSAGE]]);
    expect(log).toHaveBeenCalledWith(boom);
    log.mockRestore();
  });
});
