import { demoData } from './demo-data';

describe('demoData', () => {
  it('should work', () => {
    expect(demoData()).toEqual('demo-data');
  });
});
