/**
 * Transparency reports: the content ({@code SupportReport}, a period's fair-share table with its
 * history) rendered as a self-contained HTML page, CSV or JSON ({@code HtmlReport}, {@code
 * CsvReport}, {@code JsonReport}).
 */
package dev.bulwark.support.report;
