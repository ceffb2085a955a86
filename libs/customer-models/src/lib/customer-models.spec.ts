import { customerModels } from './customer-models';

describe('customerModels', () => {
  it('should work', () => {
    expect(customerModels()).toEqual('customer-models');
  });
});
