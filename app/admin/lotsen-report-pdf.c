/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-report-pdf.c — the funder report as a printable PDF: a title
 * page, bar charts, then every table of the report.
 *
 * A4 pages drawn with cairo's PDF surface; text through Pango, so a site
 * name or an activity title in any script is shaped and embedded.  The
 * words are gettext strings in the current language (Swedish unless
 * lotsen-admin is given --lang), decimals with that language's separator
 * ("4,5" in Swedish); the numbers, and the words for their keys
 * (lotsen_report_label()), come from the core (lotsen-stats.h), as the
 * CSV and the workbook have them.  Not in app/core: the core stays GLib
 * + sqlite only.
 */

#define G_LOG_DOMAIN "lotsen-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lotsen-atomic-file.h"
#include "lotsen-export.h"
#include "lotsen-i18n.h"
#include "lotsen-report-pdf.h"

#define PAGE_WIDTH    595.28 /* A4 in points */
#define PAGE_HEIGHT   841.89
#define MARGIN        50.0
#define FOOTER        30.0   /* room kept at the bottom for the page footer */
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CELL_PAD      4.0
#define FONT_FAMILY   "Noto Sans, DejaVu Sans, Sans"
#define CHART_HEIGHT  220.0
#define HEADER_SIZE   8.0    /* a table header's type, in points … */
#define HEADER_MIN    7.0    /* … and the smallest it shrinks to before long words break */
#define NUMBER_WIDTH  46.0   /* a number column's least width: 9 999 999 in bold 9 points */

typedef struct
{
  const LotsenReport *report;
  LotsenStore        *store;
  cairo_t            *cr;
  int                 page;
  double              y;
} Pdf;

typedef struct
{
  double r, g, b;
} Colour;

/* Told apart in grey print and by people who do not see red and green
 * apart (Okabe–Ito). */
static const Colour gender_colours[LOTSEN_REPORT_N_GENDERS] = {
  { 0.80, 0.47, 0.65 },
  { 0.00, 0.45, 0.70 },
  { 0.90, 0.62, 0.00 },
  { 0.34, 0.71, 0.91 },
  { 0.60, 0.60, 0.60 },
};

static const Colour bar_colour = { 0.00, 0.62, 0.45 };

/* The words for the core's stable keys, in the current language. */
#define label_for(key) lotsen_report_label (key)
#define section_title(section) lotsen_report_section_title (section)

/* @text at (@x, @y), at most @width wide (wrapped), in @size points.
 * Returns: the height it took */
static double
draw_text (Pdf            *pdf,
           double          x,
           double          y,
           double          width,
           const char     *text,
           double          size,
           gboolean        bold,
           PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  int text_width, text_height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &text_width, &text_height);

  if (pdf->cr != NULL && x >= 0)
    {
      cairo_move_to (pdf->cr, x, y);
      pango_cairo_show_layout (pdf->cr, layout);
    }

  return (double) text_height / PANGO_SCALE;
}

static double
measure_text (Pdf        *pdf,
              double      width,
              const char *text,
              double      size,
              gboolean    bold)
{
  return draw_text (pdf, -1, 0, width, text, size, bold, PANGO_ALIGN_LEFT);
}

static void
draw_footer (Pdf *pdf)
{
  /* Translators: the page number at the foot of the funder report; %d is the number. */
  g_autofree char *page = g_strdup_printf (_("Page %d"), pdf->page);

  cairo_set_source_rgb (pdf->cr, 0.4, 0.4, 0.4);
  draw_text (pdf, MARGIN, PAGE_HEIGHT - MARGIN + 8, CONTENT_WIDTH / 2, pdf->report->site_name, 8, FALSE,
             PANGO_ALIGN_LEFT);
  draw_text (pdf, MARGIN + CONTENT_WIDTH / 2, PAGE_HEIGHT - MARGIN + 8, CONTENT_WIDTH / 2, page, 8, FALSE,
             PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
}

static void
new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);

  pdf->page++;
  pdf->y = MARGIN;
  draw_footer (pdf);
}

/* A new page unless @height fits on this one. */
static void
ensure_room (Pdf    *pdf,
             double  height)
{
  if (pdf->y + height > PAGE_HEIGHT - MARGIN - FOOTER)
    new_page (pdf);
}

static char *
format_day (Pdf    *pdf,
            gint64  unix_seconds)
{
  return lotsen_store_format_local (pdf->store, unix_seconds, "%Y-%m-%d");
}

static void
draw_title_page (Pdf *pdf)
{
  const LotsenReport *report = pdf->report;
  g_autofree char *first = format_day (pdf, report->from);
  g_autofree char *last = format_day (pdf, report->to - 1);
  g_autofree char *made = lotsen_store_format_local (pdf->store, report->made_at, "%Y-%m-%d %H:%M");
  g_autofree char *period = NULL;
  g_autofree char *made_line = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *title = NULL;

  /* Translators: the report's period, two dates written YYYY-MM-DD. */
  period = g_strdup_printf (_("Period: %s – %s"), first, last);
  /* Translators: %s is a date and time. */
  made_line = g_strdup_printf (_("Made %s"), made);
  /* Translators: %d is a year. */
  notes = g_strdup_printf (_("A visit is a ticket taken at the kiosk or a sign-up marked as attended. "
                             "A participant is a registered person with at least one visit, or someone "
                             "who signed up with a name and phone number and came (counted once per phone "
                             "number); each is counted once in each month and once in the whole period. "
                             "A participant is new in the month of their very first visit, so the months’ "
                             "new participants add up to the period’s; the others are returning. Visits "
                             "without a person are tickets taken without a personal code and sign-ups "
                             "without one. Sessions and their sign-ups count once the session has started, "
                             "in the month it started; cancelled sign-ups do not count. Ages are counted "
                             "in %d from the year of birth."),
                           report->age_year);
  /* The project's name, then the site's: names, the same in every language. */
  title = report->project_name != NULL ? g_strdup_printf ("%s — %s", report->project_name, report->site_name)
                                       : g_strdup (report->site_name);

  new_page (pdf);
  pdf->y = 200;

  cairo_set_source_rgb (pdf->cr, bar_colour.r, bar_colour.g, bar_colour.b);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y - 24, 60, 6);
  cairo_fill (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);

  pdf->y += draw_text (pdf, MARGIN, pdf->y, CONTENT_WIDTH, title, 30, TRUE, PANGO_ALIGN_LEFT) + 6;
  pdf->y += draw_text (pdf, MARGIN, pdf->y, CONTENT_WIDTH, _("Statistics for funders"), 22, FALSE,
                       PANGO_ALIGN_LEFT) + 30;
  pdf->y += draw_text (pdf, MARGIN, pdf->y, CONTENT_WIDTH, period, 14, FALSE, PANGO_ALIGN_LEFT) + 4;
  cairo_set_source_rgb (pdf->cr, 0.4, 0.4, 0.4);
  pdf->y += draw_text (pdf, MARGIN, pdf->y, CONTENT_WIDTH, made_line, 11, FALSE, PANGO_ALIGN_LEFT) + 40;
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  draw_text (pdf, MARGIN, pdf->y, CONTENT_WIDTH, notes, 10, FALSE, PANGO_ALIGN_LEFT);
}

static void
draw_heading (Pdf        *pdf,
              const char *text,
              double      room_below)
{
  double height = measure_text (pdf, CONTENT_WIDTH, text, 14, TRUE);

  ensure_room (pdf, height + 10 + room_below);
  pdf->y += draw_text (pdf, MARGIN, pdf->y, CONTENT_WIDTH, text, 14, TRUE, PANGO_ALIGN_LEFT) + 10;
}

/* A step for the value axis: 1, 2 or 5 times a power of ten, for about
 * five lines up to @max. */
static guint
axis_step (guint max)
{
  guint step = 1;

  while (max / step > 5)
    {
      if (max / (step * 2) <= 5)
        return step * 2;
      if (max / (step * 5) <= 5)
        return step * 5;
      step *= 10;
    }

  return step;
}

/* Axes and lines for values from 0 to @max in a plot at (@x, @y) of
 * @width × @height; returns the top value of the axis. */
static guint
draw_axis (Pdf    *pdf,
           double  x,
           double  y,
           double  width,
           double  height,
           guint   max)
{
  guint step = axis_step (MAX (max, 1));
  guint top = ((MAX (max, 1) + step - 1) / step) * step;

  cairo_set_line_width (pdf->cr, 0.5);
  for (guint value = 0; value <= top; value += step)
    {
      double line_y = y + height - height * value / top;
      g_autofree char *text = g_strdup_printf ("%u", value);

      cairo_set_source_rgb (pdf->cr, 0.85, 0.85, 0.85);
      cairo_move_to (pdf->cr, x, line_y);
      cairo_line_to (pdf->cr, x + width, line_y);
      cairo_stroke (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.3, 0.3, 0.3);
      draw_text (pdf, x - 34, line_y - 6, 30, text, 8, FALSE, PANGO_ALIGN_RIGHT);
    }

  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  return top;
}

/* Participants a month, a stacked bar each, a colour a gender. */
static void
draw_months_chart (Pdf *pdf)
{
  const LotsenReport *report = pdf->report;
  guint n = report->months->len;
  double plot_x = MARGIN + 40;
  double plot_width = CONTENT_WIDTH - 40;
  double plot_y, slot, bar_width, legend_x;
  guint max = 0, top;

  draw_heading (pdf, _("Participants per month by gender"), CHART_HEIGHT + 60);
  plot_y = pdf->y + 6;

  for (guint i = 0; i < n; i++)
    {
      const LotsenReportMonth *month = report->months->pdata[i];

      max = MAX (max, month->counts.participants);
    }

  top = draw_axis (pdf, plot_x, plot_y, plot_width, CHART_HEIGHT, max);
  slot = plot_width / MAX (n, 1);
  bar_width = MIN (slot * 0.6, 60);

  for (guint i = 0; i < n; i++)
    {
      const LotsenReportMonth *month = report->months->pdata[i];
      double x = plot_x + slot * i + (slot - bar_width) / 2;
      double base = plot_y + CHART_HEIGHT;

      for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
        {
          double height = CHART_HEIGHT * month->participants_by_gender[g] / top;

          if (height <= 0)
            continue;
          cairo_set_source_rgb (pdf->cr, gender_colours[g].r, gender_colours[g].g, gender_colours[g].b);
          cairo_rectangle (pdf->cr, x, base - height, bar_width, height);
          cairo_fill (pdf->cr);
          base -= height;
        }

      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
      /* The month under its bar (every month when there is room). */
      if (n <= 12 || i % ((n + 11) / 12) == 0)
        draw_text (pdf, plot_x + slot * i, plot_y + CHART_HEIGHT + 4, slot, month->key,
                   n > 8 ? 7 : 9, FALSE, PANGO_ALIGN_CENTER);
    }

  cairo_set_line_width (pdf->cr, 1);
  cairo_move_to (pdf->cr, plot_x, plot_y + CHART_HEIGHT);
  cairo_line_to (pdf->cr, plot_x + plot_width, plot_y + CHART_HEIGHT);
  cairo_stroke (pdf->cr);

  /* The legend, one line. */
  legend_x = plot_x;
  pdf->y = plot_y + CHART_HEIGHT + 24;
  for (guint g = 0; g < LOTSEN_REPORT_N_GENDERS; g++)
    {
      const char *label = label_for (lotsen_report_gender_to_string (g));

      cairo_set_source_rgb (pdf->cr, gender_colours[g].r, gender_colours[g].g, gender_colours[g].b);
      cairo_rectangle (pdf->cr, legend_x, pdf->y + 2, 10, 10);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
      draw_text (pdf, legend_x + 14, pdf->y, 80, label, 9, FALSE, PANGO_ALIGN_LEFT);
      legend_x += plot_width / LOTSEN_REPORT_N_GENDERS;
    }

  pdf->y += 36;
}

/* Participants of the whole period, a bar an age band. */
static void
draw_age_chart (Pdf *pdf)
{
  const LotsenReport *report = pdf->report;
  double plot_x = MARGIN + 40;
  double plot_width = CONTENT_WIDTH - 40;
  double plot_y, slot, bar_width;
  guint max = 0, top;

  draw_heading (pdf, _("Participants by age band, the whole period"), CHART_HEIGHT + 40);
  plot_y = pdf->y + 6;

  for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
    max = MAX (max, report->by_age[a].participants);

  top = draw_axis (pdf, plot_x, plot_y, plot_width, CHART_HEIGHT, max);
  slot = plot_width / LOTSEN_REPORT_N_AGE_BANDS;
  bar_width = slot * 0.6;

  for (guint a = 0; a < LOTSEN_REPORT_N_AGE_BANDS; a++)
    {
      double height = CHART_HEIGHT * report->by_age[a].participants / top;
      double x = plot_x + slot * a + (slot - bar_width) / 2;

      cairo_set_source_rgb (pdf->cr, bar_colour.r, bar_colour.g, bar_colour.b);
      cairo_rectangle (pdf->cr, x, plot_y + CHART_HEIGHT - height, bar_width, height);
      cairo_fill (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
      draw_text (pdf, plot_x + slot * a, plot_y + CHART_HEIGHT + 4, slot,
                 label_for (lotsen_report_age_band_to_string (a)), 8, FALSE, PANGO_ALIGN_CENTER);
    }

  cairo_set_line_width (pdf->cr, 1);
  cairo_move_to (pdf->cr, plot_x, plot_y + CHART_HEIGHT);
  cairo_line_to (pdf->cr, plot_x + plot_width, plot_y + CHART_HEIGHT);
  cairo_stroke (pdf->cr);

  pdf->y = plot_y + CHART_HEIGHT + 40;
}

/* The report language's decimal separator.  Written out here rather than
 * taken from the C library: the kiosk has no system locales. */
static const char *
decimal_separator (void)
{
  static const char * const comma_languages[] = { "sv", "uk", NULL };
  const char *language = lotsen_i18n_get_language ();

  return language != NULL && g_strv_contains (comma_languages, language) ? "," : ".";
}

/* @seconds as minutes with one decimal ("4,5" in Swedish, "4.5" in
 * English), rounded half away from zero. */
static char *
format_minutes (gint64 seconds)
{
  gint64 tenths = seconds >= 0 ? (seconds + 3) / 6 : -((-seconds + 3) / 6);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT "%s%d", tenths < 0 ? "-" : "", ABS (tenths) / 10,
                          decimal_separator (), (int) (ABS (tenths) % 10));
}

/* One cell's words: a key translated, a name as staff wrote it, a number
 * (a wait in minutes). */
static char *
cell_text (const LotsenReport  *report,
           LotsenReportSection  section,
           guint                row,
           guint                column,
           gboolean            *is_number)
{
  const char *text;
  gint64 number;

  *is_number = FALSE;

  switch (lotsen_report_get_cell (report, section, row, column, &text, &number))
    {
    case LOTSEN_REPORT_CELL_TEXT:
      return g_strdup (label_for (text));
    case LOTSEN_REPORT_CELL_NAME:
      return g_strdup (text);
    case LOTSEN_REPORT_CELL_NUMBER:
      *is_number = TRUE;
      if (g_str_equal (lotsen_report_get_column (section, column), "median_wait_seconds"))
        return format_minutes (number);
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    case LOTSEN_REPORT_CELL_EMPTY:
    default:
      return g_strdup ("–");
    }
}

/* The width of @text's longest word in bold @size points; a soft hyphen
 * ends a word as a space does. */
static double
longest_word (Pdf        *pdf,
              const char *text,
              double      size)
{
  g_autoptr(GString) spaced = g_string_new (text);
  g_auto(GStrv) words = NULL;
  double longest = 0;

  g_string_replace (spaced, "\xC2\xAD", " ", 0); /* U+00AD SOFT HYPHEN */
  words = g_strsplit (spaced->str, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pdf->cr);
      PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
      int width, height;

      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_size (layout, &width, &height);
      longest = MAX (longest, (double) width / PANGO_SCALE);
    }

  return longest;
}

/* The widths of @section's columns and the size of its header.  The first
 * column (and for services the second) is wide enough for names; the
 * numbers share the rest, each at least as wide as a seven-digit total
 * and as its label's longest word, so that labels wrap between words
 * onto two or three lines.  The header is HEADER_SIZE, or a little
 * smaller (not below HEADER_MIN) when that makes every word fit; in some
 * languages words are long, and when even then they do not fit, the
 * columns are equal and a word breaks between characters.
 *
 * Returns: the header's size in points */
static double
lay_out_columns (Pdf                 *pdf,
                 LotsenReportSection  section,
                 double              *widths,
                 guint                n_columns)
{
  g_autofree double *need = g_new0 (double, n_columns);
  guint n_names = 1;
  double names = 64; /* "2026-10", "Under 16" */
  double room;

  if (section == LOTSEN_REPORT_SECTION_ACTIVITIES || section == LOTSEN_REPORT_SECTION_MUNICIPALITIES ||
      section == LOTSEN_REPORT_SECTION_LANGUAGES || section == LOTSEN_REPORT_SECTION_INTERESTS ||
      section == LOTSEN_REPORT_SECTION_INTERPRETERS || section == LOTSEN_REPORT_SECTION_OUTCOMES ||
      section == LOTSEN_REPORT_SECTION_EMPLOYMENT || section == LOTSEN_REPORT_SECTION_EDUCATION)
    names = 170;
  else if (section == LOTSEN_REPORT_SECTION_SERVICES)
    {
      n_names = 2;
      widths[0] = 40;
      widths[1] = 170;
      names = 210;
    }

  if (n_names == 1)
    widths[0] = names;
  room = CONTENT_WIDTH - names;

  for (double size = HEADER_SIZE; size >= HEADER_MIN; size -= 0.5)
    {
      double total = 0;

      for (guint i = n_names; i < n_columns; i++)
        {
          const char *label = label_for (lotsen_report_get_column (section, i));

          need[i] = MAX (NUMBER_WIDTH, longest_word (pdf, label, size) + 2 * CELL_PAD);
          total += need[i];
        }

      if (total <= room)
        {
          for (guint i = n_names; i < n_columns; i++)
            widths[i] = need[i] + (room - total) / (n_columns - n_names);
          return size;
        }
    }

  for (guint i = n_names; i < n_columns; i++)
    widths[i] = room / (n_columns - n_names);
  return HEADER_MIN;
}

static double
draw_header_row (Pdf                 *pdf,
                 LotsenReportSection  section,
                 const double        *widths,
                 guint                n_columns,
                 double               size,
                 gboolean             draw)
{
  double height = 0, x = MARGIN;

  for (guint column = 0; column < n_columns; column++)
    height = MAX (height, measure_text (pdf, widths[column] - 2 * CELL_PAD,
                                        label_for (lotsen_report_get_column (section, column)), size, TRUE));
  height += 2 * CELL_PAD;

  if (!draw)
    return height;

  cairo_set_source_rgb (pdf->cr, 0.90, 0.94, 0.92);
  cairo_rectangle (pdf->cr, MARGIN, pdf->y, CONTENT_WIDTH, height);
  cairo_fill (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);

  for (guint column = 0; column < n_columns; column++)
    {
      draw_text (pdf, x + CELL_PAD, pdf->y + CELL_PAD, widths[column] - 2 * CELL_PAD,
                 label_for (lotsen_report_get_column (section, column)), size, TRUE,
                 column == 0 || (section == LOTSEN_REPORT_SECTION_SERVICES && column == 1)
                 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      x += widths[column];
    }

  pdf->y += height;
  return height;
}

/* @section as a table; its header is repeated on every page it spans. */
static void
draw_table (Pdf                 *pdf,
            LotsenReportSection  section)
{
  const LotsenReport *report = pdf->report;
  guint n_columns = lotsen_report_get_n_columns (section);
  guint n_rows = lotsen_report_get_n_rows (report, section);
  g_autofree double *widths = g_new0 (double, n_columns);
  double header, size;

  size = lay_out_columns (pdf, section, widths, n_columns);
  header = draw_header_row (pdf, section, widths, n_columns, size, FALSE);

  draw_heading (pdf, section_title (section), header + 20);
  draw_header_row (pdf, section, widths, n_columns, size, TRUE);

  if (n_rows == 0)
    {
      pdf->y += draw_text (pdf, MARGIN + CELL_PAD, pdf->y + CELL_PAD, CONTENT_WIDTH,
                           _("Nothing in this period."), 9, FALSE, PANGO_ALIGN_LEFT) + 2 * CELL_PAD;
    }

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autofree gboolean *numbers = g_new0 (gboolean, n_columns);
      gboolean total = FALSE;
      double height = 0, x = MARGIN;

      for (guint column = 0; column < n_columns; column++)
        {
          char *text = cell_text (report, section, row, column, &numbers[column]);

          g_ptr_array_add (texts, text);
          height = MAX (height, measure_text (pdf, widths[column] - 2 * CELL_PAD, text, 9, FALSE));
        }
      height += 2 * CELL_PAD;

      {
        const char *key;
        gint64 number;

        total = lotsen_report_get_cell (report, section, row, 0, &key, &number) == LOTSEN_REPORT_CELL_TEXT &&
                g_str_equal (key, "total");
      }

      if (pdf->y + height > PAGE_HEIGHT - MARGIN - FOOTER)
        {
          new_page (pdf);
          draw_header_row (pdf, section, widths, n_columns, size, TRUE);
        }

      if (row % 2 == 1)
        {
          cairo_set_source_rgb (pdf->cr, 0.96, 0.96, 0.96);
          cairo_rectangle (pdf->cr, MARGIN, pdf->y, CONTENT_WIDTH, height);
          cairo_fill (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0, 0, 0);
        }

      if (total)
        {
          cairo_set_line_width (pdf->cr, 0.8);
          cairo_move_to (pdf->cr, MARGIN, pdf->y);
          cairo_line_to (pdf->cr, MARGIN + CONTENT_WIDTH, pdf->y);
          cairo_stroke (pdf->cr);
        }

      for (guint column = 0; column < n_columns; column++)
        {
          draw_text (pdf, x + CELL_PAD, pdf->y + CELL_PAD, widths[column] - 2 * CELL_PAD,
                     texts->pdata[column], 9, total,
                     numbers[column] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          x += widths[column];
        }

      pdf->y += height;
    }

  pdf->y += 24;
}

static void
draw_report (Pdf *pdf)
{
  draw_title_page (pdf);

  new_page (pdf);
  draw_months_chart (pdf);
  draw_age_chart (pdf);

  /* The people first, then what they came to; the tables and sheets of
   * the CSV and the workbook keep the core's order. */
  static const LotsenReportSection order[] = {
    LOTSEN_REPORT_SECTION_MONTHS, LOTSEN_REPORT_SECTION_MONTHS_GENDER, LOTSEN_REPORT_SECTION_MONTHS_AGE,
    LOTSEN_REPORT_SECTION_GENDER, LOTSEN_REPORT_SECTION_AGE, LOTSEN_REPORT_SECTION_GENDER_AGE,
    LOTSEN_REPORT_SECTION_OUTCOMES_GENDER, LOTSEN_REPORT_SECTION_OUTCOMES_AGE, LOTSEN_REPORT_SECTION_OUTCOMES,
    LOTSEN_REPORT_SECTION_MUNICIPALITIES, LOTSEN_REPORT_SECTION_LANGUAGES, LOTSEN_REPORT_SECTION_INTERESTS,
    LOTSEN_REPORT_SECTION_EMPLOYMENT, LOTSEN_REPORT_SECTION_EDUCATION,
    LOTSEN_REPORT_SECTION_INTERPRETERS, LOTSEN_REPORT_SECTION_ACTIVITIES, LOTSEN_REPORT_SECTION_SERVICES,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == LOTSEN_REPORT_N_SECTIONS);

  new_page (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    draw_table (pdf, order[i]);
}

typedef struct
{
  LotsenStore        *store;
  const LotsenReport *report;
  GOutputStream      *out;
  GError             *error;
} PdfJob;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfJob *job = closure;

  if (job->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (job->out, data, length, NULL, NULL, &job->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_pdf_file (GOutputStream  *out,
                const char     *temp_path,
                const char     *target,
                GString        *detail,
                gpointer        user_data,
                GError        **error)
{
  PdfJob *job = user_data;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf pdf = { .report = job->report, .store = job->store };

  job->out = out;
  surface = cairo_pdf_surface_create_for_stream (write_cb, job, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Statistics for funders"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Lotsen");

  pdf.cr = cairo_create (surface);
  draw_report (&pdf);
  cairo_destroy (pdf.cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (job->error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                   _("The export could not be written: %s"),
                   job->error != NULL ? job->error->message : cairo_status_to_string (status));
      g_clear_error (&job->error);
      return FALSE;
    }

  if (!g_output_stream_flush (out, NULL, error))
    return FALSE;

  g_string_append_printf (detail, "report pdf %s from=%" G_GINT64_FORMAT " to=%" G_GINT64_FORMAT,
                          target, job->report->from, job->report->to);
  return TRUE;
}

/**
 * lotsen_report_pdf_to_file:
 * @path: the file to write; an existing file is replaced
 *
 * Draws @report as an A4 PDF in the current gettext language: a title
 * page (site, period, when it was made, what the numbers mean), the bar
 * charts of participants per month by gender and by age band, then every
 * section's table.  Written, synced, renamed and audited as every export
 * is (lotsen_export_replace_file()).
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_report_pdf_to_file (LotsenStore         *store,
                           const LotsenReport  *report,
                           const char          *path,
                           GError             **error)
{
  PdfJob job = { .store = store, .report = report };

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return lotsen_export_replace_file (store, path, write_pdf_file, &job, error);
}
