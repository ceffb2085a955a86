import { readFileSync } from 'node:fs';
import { cdnowPath } from '../../testing/cdnow-fixtures';
import { detectCdnowLayout, parseCdnowTransactions, parseSummaryCsv } from './cdnow-parser';

describe('CDNOW parsers', () => {
  const sampleText = ' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n 00021 0002 19970101  3   63.34\n';
  const masterText = ' customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n';

  it.each([
    [sampleText, 'sample'],
    [masterText, 'master'],
    [' 00001 19970101  1   11.77\n', 'master'],
  ] as const)('detects the layout (%#)', (text, layout) => {
    expect(detectCdnowLayout(text)).toBe(layout);
  });

  it('parses the sample layout, keyed by the sample id', () => {
    expect(parseCdnowTransactions(sampleText)).toEqual([
      { customerId: '1', masterId: '4', date: '1997-01-01', quantity: 2, amount: 29.33 },
      { customerId: '1', masterId: '4', date: '1997-01-18', quantity: 2, amount: 29.73 },
      { customerId: '2', masterId: '21', date: '1997-01-01', quantity: 3, amount: 63.34 },
    ]);
  });

  it('parses the master layout with a header and CRLF line ends', () => {
    expect(parseCdnowTransactions(masterText)).toEqual([
      { customerId: '1', masterId: '1', date: '1997-01-01', quantity: 1, amount: 11.77 },
      { customerId: '2', masterId: '2', date: '1997-01-12', quantity: 1, amount: 12 },
    ]);
  });

  it.each([
    [' 00004 0001 1997011  2   29.33\n', /bad date/],
    [' 00004 0001 19970101  2\n', /expected 5 columns/],
    [' 00004 0001 19970101  2  abc\n', /line 1: bad amount/],
    [' 00004 0001 19970101  2  1.5\nheader 0001 19970101  2  1.5\n', /line 2: bad customer id/],
  ])('rejects malformed input (%#)', (text, message) => {
    expect(() => parseCdnowTransactions(text, 'sample')).toThrow(message);
  });

  it.each([
    ['CDNOW_sample.txt', 'sample', 6919, 2357],
    ['CDNOW_master.txt', 'master', 69_659, 23_570],
  ] as const)('reads %s: %s layout, %p transactions, %p customers', (file, layout, rows, customers) => {
    const text = readFileSync(cdnowPath(file), 'utf8');
    expect(detectCdnowLayout(text)).toBe(layout);
    const parsed = parseCdnowTransactions(text);
    expect(parsed).toHaveLength(rows);
    expect(new Set(parsed.map((t) => t.customerId)).size).toBe(customers);
    expect(parsed.every((t) => t.date >= '1997-01-01' && t.date <= '1998-06-30')).toBe(true);
  });

  it('parses both summary CSV headers', () => {
    expect(parseSummaryCsv('ID,frequency,recency,T\n1,2,30.43,38.86\n')).toEqual([
      { customerId: '1', x: 2, tx: 30.43, T: 38.86 },
    ]);
    expect(parseSummaryCsv('ID,x,t_x,T,zbar\n6,7,29.43,38.86,73.74')).toEqual([
      { customerId: '6', x: 7, tx: 29.43, T: 38.86, zbar: 73.74 },
    ]);
    expect(() => parseSummaryCsv('a,b\n1,2')).toThrow(/header/);
  });
});
