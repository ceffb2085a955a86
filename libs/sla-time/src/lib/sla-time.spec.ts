import { slaTime } from './sla-time';

describe('slaTime', () => {
  it('should work', () => {
    expect(slaTime()).toEqual('sla-time');
  });
});
