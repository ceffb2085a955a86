import { text } from './text';

describe('text', () => {
  it('should work', () => {
    expect(text()).toEqual('text');
  });
});
