import { describe, expect, it } from 'vitest';
import {
  checkArxivId, checkDate, checkDoi, checkIsbn, checkIssn, checkLanguage, checkPages, checkPmcid, checkPmid, checkTitle, checkUrl, daysInMonth, splitArxivVersion, type Check,
} from '../../shared/record/field-checks';

const value = (c: Check) => (c.ok ? c.value : `ERROR: ${c.message}`);
const message = (c: Check) => (c.ok ? `OK: ${c.value}` : c.message);

describe('DOI', () => {
  it('accepts a DOI and strips doi.org and doi: prefixes', () => {
    expect(value(checkDoi('10.1145/3597503'))).toBe('10.1145/3597503');
    expect(value(checkDoi(' https://doi.org/10.1038/nature14539 '))).toBe('10.1038/nature14539');
    expect(value(checkDoi('http://dx.doi.org/10.1000.10/abc'))).toBe('10.1000.10/abc');
    expect(value(checkDoi('doi:10.48550/arXiv.2401.01234'))).toBe('10.48550/arXiv.2401.01234');
  });
  it('says what is wrong', () => {
    expect(message(checkDoi('11.1145/3597503'))).toBe('A DOI starts with “10.” (as in 10.1145/3597503): “11.1145/3597503” does not.');
    expect(message(checkDoi('10.1145'))).toBe('A DOI has a “/” between its prefix and suffix (10.1145/3597503): “10.1145” has none.');
    expect(message(checkDoi('10.11/abc'))).toBe('A DOI\'s prefix is “10.” and 4 to 9 digits (10.1145): “10.11” is not.');
    expect(message(checkDoi('10.1145/'))).toBe('The DOI “10.1145/” has nothing after the “/”.');
    expect(message(checkDoi('10.1145/a b'))).toBe('A DOI has no spaces: “10.1145/a b”.');
    expect(message(checkDoi('doi:'))).toBe('The DOI is empty after its prefix.');
  });
});

describe('arXiv id', () => {
  it('accepts new and old styles, with versions and the arXiv: prefix', () => {
    expect(value(checkArxivId('2401.01234'))).toBe('2401.01234');
    expect(value(checkArxivId('arXiv:2401.01234v2'))).toBe('2401.01234v2');
    expect(value(checkArxivId('0704.0001'))).toBe('0704.0001');
    expect(value(checkArxivId('hep-th/9901001'))).toBe('hep-th/9901001');
    expect(value(checkArxivId('math.AG/0601001v3'))).toBe('math.AG/0601001v3');
  });
  it('says what is wrong', () => {
    expect(message(checkArxivId('2413.01234'))).toBe('The arXiv id “2413.01234” names month 13; months run from 01 to 12.');
    expect(message(checkArxivId('2400.01234'))).toBe('The arXiv id “2400.01234” names month 00; months run from 01 to 12.');
    expect(message(checkArxivId('2401.123'))).toBe('An arXiv id has 4 or 5 digits after the dot (2401.01234): “2401.123” has 3.');
    expect(message(checkArxivId('1401.12345'))).toBe('arXiv ids before 2015 have 4 digits after the dot: “1401.12345” has 5.');
    expect(message(checkArxivId('abcd'))).toBe('An arXiv id looks like 2401.01234 (year and month, a dot, then 4 or 5 digits): “abcd” does not.');
    expect(message(checkArxivId('hep-th/99010'))).toBe('An old-style arXiv id has 7 digits after the “/” (YYMMNNN, as in hep-th/9901001): “hep-th/99010” does not.');
    expect(message(checkArxivId('HEP/9901001'))).toBe('An old-style arXiv id starts with an archive name such as hep-th or math.AG: “HEP” is not one.');
    expect(message(checkArxivId('hep-th/9913001'))).toBe('The arXiv id “hep-th/9913001” names month 13; months run from 01 to 12.');
    expect(message(checkArxivId('2401.01234v0'))).toBe('An arXiv version counts from v1: “2401.01234v0” has v0.');
    expect(message(checkArxivId(''))).toBe('The arXiv id is empty.');
  });
  it('splits the version', () => {
    expect(splitArxivVersion('2401.01234v12')).toEqual({ id: '2401.01234', version: 12 });
    expect(splitArxivVersion('2401.01234')).toEqual({ id: '2401.01234', version: null });
  });
});

describe('date', () => {
  it('accepts YYYY, YYYY-MM and real days', () => {
    expect(value(checkDate('2024'))).toBe('2024');
    expect(value(checkDate('2024-03'))).toBe('2024-03');
    expect(value(checkDate('2024-02-29'))).toBe('2024-02-29');
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
  it('refuses days that do not exist, bad months and other shapes', () => {
    expect(message(checkDate('2023-02-30'))).toBe('“2023-02-30” does not exist: February 2023 has 28 days.');
    expect(message(checkDate('2023-02-29'))).toBe('“2023-02-29” does not exist: February 2023 has 28 days.');
    expect(message(checkDate('2024-04-31'))).toBe('“2024-04-31” does not exist: April 2024 has 30 days.');
    expect(message(checkDate('2024-13'))).toBe('The month in “2024-13” is 13; months run from 01 to 12.');
    expect(message(checkDate('15/03/2024'))).toBe('A date is written YYYY, YYYY-MM or YYYY-MM-DD (2024-03-15): “15/03/2024” is not.');
    expect(message(checkDate('0999'))).toBe('The year 0999 is too early for a paper.');
  });
});

describe('pages', () => {
  it('accepts ranges, en dashes, article numbers and single pages', () => {
    for (const p of ['12-34', '12–34', 'e1234', '112:1-112:45', '7', 'S12-S19', '12-14, 20', 'xi-xv']) expect(value(checkPages(p))).toBe(p);
  });
  it('refuses with the reason', () => {
    expect(message(checkPages('12-'))).toBe('The page range “12-” has no last page.');
    expect(message(checkPages('-12'))).toBe('The page range “-12” has no first page.');
    expect(message(checkPages('34-12'))).toBe('The page range “34-12” ends (12) before it starts (34).');
    expect(message(checkPages('12-3x4'))).toBe('“3x4” in “12-3x4” is not a page number.');
    expect(message(checkPages('a-b-c'))).toBe('“a” in “a-b-c” is not a page number.');
    expect(message(checkPages('page'))).toBe('“page” is not a page number (12, e1234 or 112:45).');
    expect(message(checkPages('  '))).toBe('The pages are empty.');
  });
});

describe('ISBN, ISSN, PMID, PMCID', () => {
  it('checks ISBN check digits', () => {
    expect(value(checkIsbn('0-306-40615-2'))).toBe('0306406152');
    expect(value(checkIsbn('978-0-306-40615-7'))).toBe('9780306406157');
    expect(value(checkIsbn('080442957X'))).toBe('080442957X');
    expect(message(checkIsbn('0-306-40615-3'))).toBe('The ISBN “0-306-40615-3” has a wrong check digit (the last one); check for a typing mistake.');
    expect(message(checkIsbn('978-0-306-40615-8'))).toBe('The ISBN “978-0-306-40615-8” has a wrong check digit (the last one); check for a typing mistake.');
    expect(message(checkIsbn('12345'))).toBe('An ISBN has 10 or 13 digits (the ISBN-10\'s last may be X): “12345” has 5 characters.');
  });
  it('checks ISSN check digits', () => {
    expect(value(checkIssn('0378-5955'))).toBe('0378-5955');
    expect(value(checkIssn('1000-002x'))).toBe('1000-002X');
    expect(message(checkIssn('0378-5956'))).toBe('The ISSN “0378-5956” has a wrong check digit (the last one); check for a typing mistake.');
    expect(message(checkIssn('0378-595'))).toBe('An ISSN is 8 characters, as in 0378-5955: “0378-595” is not.');
  });
  it('checks PMID and PMCID', () => {
    expect(value(checkPmid('31452104'))).toBe('31452104');
    expect(message(checkPmid('PM123'))).toBe('A PubMed id (PMID) is digits only: “PM123” is not.');
    expect(message(checkPmid('1234567890'))).toBe('A PubMed id (PMID) has at most 9 digits: “1234567890” has 10.');
    expect(value(checkPmcid('pmc1234567'))).toBe('PMC1234567');
    expect(message(checkPmcid('1234567'))).toBe('A PubMed Central id is PMC and digits (PMC1234567): “1234567” is not.');
  });
});

describe('URL, language, title', () => {
  it('keeps http(s) addresses only', () => {
    expect(value(checkUrl('https://example.org/paper'))).toBe('https://example.org/paper');
    expect(message(checkUrl('ftp://example.org/x'))).toBe('Only http and https addresses can be kept: “ftp://example.org/x” is an ftp address.');
    expect(message(checkUrl('javascript:alert(1)'))).toBe('Only http and https addresses can be kept: “javascript:alert(1)” is a javascript address.');
    expect(message(checkUrl('example.org'))).toBe('“example.org” is not a web address (it should start with https://).');
  });
  it('takes language tags', () => {
    for (const t of ['en', 'en-GB', 'zh-Hans-CN', 'de-1996']) expect(value(checkLanguage(t))).toBe(t);
    expect(message(checkLanguage('English'))).toBe('A language is given as a code such as en, fr or zh-Hans: “English” is not one.');
    expect(message(checkLanguage('en-toolongsubtag'))).toBe('The language code “en-toolongsubtag” has a part (“toolongsubtag”) that is not 1 to 8 letters or digits.');
  });
  it('needs a title', () => {
    expect(message(checkTitle('   '))).toBe('A paper needs a title.');
    expect(value(checkTitle('  A title '))).toBe('A title');
  });
  it('stays linear on long input', () => {
    const long = '1'.repeat(200_000);
    const t = performance.now();
    for (const f of [checkDoi, checkArxivId, checkDate, checkPages, checkIsbn, checkIssn, checkPmid, checkPmcid, checkLanguage]) f(long + '-' + long + 'x');
    expect(performance.now() - t).toBeLessThan(500);
  });
});
