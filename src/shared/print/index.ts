export * from './document';
export * from './escape';
export * from './fonts';
export * from './labels';
export * from './styles';
export { maxPrintHtmlBytes, maxPrintTemplateChars } from './contract';
