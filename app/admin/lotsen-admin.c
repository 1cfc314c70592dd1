/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-admin — the kiosk's data from a terminal, no display needed.
 *
 * Exit status: 0 done, 1 nothing to do (no ticket waits),
 * 2 wrong input (nothing was changed), 3 the database cannot be used,
 * 4 imported, but some rows wait for another import (their session or
 * visitor is not here yet).
 */

#define G_LOG_DOMAIN "lotsen-admin"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>

#include "lotsen-activity.h"
#include "lotsen-backup.h"
#include "lotsen-demo.h"
#include "lotsen-export.h"
#include "lotsen-import.h"
#include "lotsen-outcome.h"
#include "lotsen-i18n.h"
#include "lotsen-queue.h"
#include "lotsen-printer.h"
#include "lotsen-report-pdf.h"
#include "lotsen-ticket-pdf.h"
#include "lotsen-signup.h"
#include "lotsen-stats.h"
#include "lotsen-store.h"
#include "lotsen-visitor.h"

enum {
  EXIT_NOTHING = 1,
  EXIT_USAGE   = 2,
  EXIT_STORE   = 3,
  EXIT_PENDING = 4,
};

static char *opt_database;
static char *opt_lang;
static char *opt_desk;
static char *opt_service;
static char *opt_format;
static char *opt_from;
static char *opt_to;
static char *opt_output;
static char *opt_separator;
static char *opt_retention_days;
static char *opt_printer;
static char *opt_paper;
static char *opt_date;
static char *opt_note;
static gboolean opt_due;
static gboolean opt_version;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, N_("The database file (default: the kiosk’s own)"), N_("PATH") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang, N_("The visitor’s language, for “ticket take”"), N_("CODE") },
  { "desk", 0, 0, G_OPTION_ARG_STRING, &opt_desk, N_("The calling desk’s number, for “call-next”"), N_("N") },
  { "service", 0, 0, G_OPTION_ARG_STRING, &opt_service, N_("Only call this service’s tickets, for “call-next”"), N_("LETTER") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("csv, jsonl, xlsx or ics, for “export”"), N_("FORMAT") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("The first day to export, for “export”"), N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The last day to export, for “export”"), N_("YYYY-MM-DD") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Where to write, - for standard output, for “export”"), N_("FILE") },
  { "separator", 0, 0, G_OPTION_ARG_STRING, &opt_separator, N_("; (the default) or , between CSV cells, for “export”"), N_("CHAR") },
  { "retention-days", 0, 0, G_OPTION_ARG_STRING, &opt_retention_days, N_("Keep visitors’ names this many days after their last visit, for “purge”"), N_("DAYS") },
  { "printer", 0, 0, G_OPTION_ARG_STRING, &opt_printer, N_("The CUPS printer queue, for “ticket print”"), N_("QUEUE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("80mm (the default) or 58mm receipt paper, for “ticket print”"), N_("WIDTH") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The day an outcome began (default today), for “outcome set”"), N_("YYYY-MM-DD") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("A note on the outcome, for “outcome set”"), N_("TEXT") },
  { "due", 0, 0, G_OPTION_ARG_NONE, &opt_due, N_("List those to follow up instead, for “outcome list”"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, N_("Show the version and quit"), NULL },
  { NULL }
};

static int
fail (int         status,
      const char *message)
{
  g_printerr ("lotsen-admin: %s\n", message);
  return status;
}

static int
status_for_error (const GError *error)
{
  if (error == NULL)
    return EXIT_STORE;

  if (error->domain == LOTSEN_STORE_ERROR &&
      (error->code == LOTSEN_STORE_ERROR_NOT_FOUND || error->code == LOTSEN_STORE_ERROR_INVALID))
    return EXIT_USAGE;

  /* An --output that names no file to replace: wrong input, not the
   * database. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return EXIT_USAGE;

  return EXIT_STORE;
}

/* A function that refused its arguments outright sets no error: that is
 * still a failure, never a crash. */
static int
fail_with (int           status,
           const GError *error)
{
  if (error == NULL)
    return fail (status, _("The command failed without a reason. Nothing was changed."));

  return fail (status, error->message);
}

static int
fail_error (const GError *error)
{
  return fail_with (status_for_error (error), error);
}

static int
take_ticket (LotsenStore *store,
             const char  *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;

  ticket = lotsen_queue_take_ticket (store, prefix, opt_lang, &error);
  if (ticket == NULL)
    return fail_error (error);

  g_print ("%s\n", ticket->label);
  return EXIT_SUCCESS;
}

static int
finish_ticket (LotsenStore        *store,
               const char         *label,
               LotsenTicketStatus  status)
{
  g_autoptr(GError) error = NULL;

  if (!lotsen_queue_finish (store, label, status, &error))
    return fail_error (error);

  return EXIT_SUCCESS;
}

static int
recall_ticket (LotsenStore *store,
               const char  *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_recall (store, label, &error);

  if (ticket == NULL)
    return fail_error (error);

  g_print ("%s %d\n", ticket->label, ticket->desk);
  return EXIT_SUCCESS;
}

static int
transfer_ticket (LotsenStore *store,
                 const char  *label,
                 const char  *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = lotsen_queue_transfer (store, label, prefix, &error);

  if (ticket == NULL)
    return fail_error (error);

  g_print ("%s %s\n", ticket->label, ticket->prefix);
  return EXIT_SUCCESS;
}

/* The kiosk's ticket printer, when its settings are installed. */
static char *
get_settings_printer (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "ticket-printer"))
    return NULL;

  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "ticket-printer");
}

static int
print_ticket (LotsenStore *store,
              const char  *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *printer = NULL;
  LotsenPaper paper = LOTSEN_PAPER_80MM;

  if (opt_paper != NULL && !lotsen_paper_from_string (opt_paper, &paper))
    return fail (EXIT_USAGE, _("--paper is 80mm or 58mm."));

  printer = opt_printer ? g_strdup (opt_printer) : (opt_output ? NULL : get_settings_printer ());
  if (opt_output == NULL && (printer == NULL || *printer == '\0'))
    return fail (EXIT_USAGE, _("Where to? Give --printer QUEUE, or --output FILE.pdf."));

  ticket = lotsen_queue_find_ticket (store, label, &error);
  if (ticket == NULL)
    return fail_error (error);

  pdf = lotsen_ticket_pdf_render (store, ticket, paper, &error);
  if (pdf == NULL)
    return fail_with (EXIT_STORE, error);

  if (opt_output != NULL &&
      !g_file_set_contents (opt_output, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    return fail (EXIT_USAGE, error->message);

  if (printer != NULL && *printer != '\0' && !lotsen_printer_print (printer, pdf, ticket->label, &error))
    return fail (EXIT_NOTHING, error->message);

  return EXIT_SUCCESS;
}

static int
list_queue (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = lotsen_queue_list_waiting (store, &error);

  if (tickets == NULL)
    return fail_with (EXIT_STORE, error);

  for (guint i = 0; i < tickets->len; i++)
    {
      LotsenTicket *ticket = g_ptr_array_index (tickets, i);
      g_autofree char *taken = lotsen_store_format_local (store, ticket->created_at, "%H:%M");

      g_print ("%s\t%s\t%s\t%s\n", ticket->label, taken,
               ticket->lang ? ticket->lang : "-",
               ticket->interpreter_lang ? ticket->interpreter_lang : "-");
    }

  return EXIT_SUCCESS;
}

static void
print_field (const char *name,
             const char *value)
{
  g_print ("%-18s %s\n", name, value != NULL && *value != '\0' ? value : "-");
}

static int
show_visitor (LotsenStore *store,
              const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitor) visitor = lotsen_visitor_find_by_code (store, code, &error);
  g_autofree char *year = NULL;
  g_autofree char *interests = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *consent_at = NULL;
  g_autofree char *created = NULL;
  g_autofree char *seen = NULL;

  if (visitor == NULL)
    return fail_error (error);

  /* Reading someone's personal data is recorded, as changing it is. */
  if (!lotsen_store_audit (store, "visitor_show", visitor->uuid, &error))
    return fail_with (EXIT_STORE, error);

  year = visitor->birth_year ? g_strdup_printf ("%d", visitor->birth_year) : NULL;
  interests = g_strjoinv (",", visitor->interests);
  created = lotsen_store_format_local (store, visitor->created_at, "%Y-%m-%d %H:%M");
  seen = lotsen_store_format_local (store, visitor->last_seen_at, "%Y-%m-%d %H:%M");
  consent_at = lotsen_store_format_local (store, visitor->consent_at, "%Y-%m-%d %H:%M");
  consent = g_strdup_printf ("%d (%s)", visitor->consent_version, consent_at);

  print_field ("code", visitor->code);
  print_field ("uuid", visitor->uuid);
  print_field ("given_name", visitor->given_name);
  print_field ("family_name", visitor->family_name);
  print_field ("birth_year", year);
  print_field ("gender", lotsen_gender_to_string (visitor->gender));
  print_field ("phone", visitor->phone);
  print_field ("municipality", visitor->municipality);
  print_field ("interests", interests);
  print_field ("interpreter_lang", visitor->interpreter_lang);
  print_field ("lang", visitor->lang);
  print_field ("consent_version", consent);
  print_field ("created", created);
  print_field ("last_seen", seen);

  return EXIT_SUCCESS;
}

static int
delete_visitor (LotsenStore *store,
                const char  *code)
{
  g_autoptr(GError) error = NULL;

  if (!lotsen_visitor_erase (store, code, &error))
    return fail_error (error);

  return EXIT_SUCCESS;
}

/* A local day as the unix time of its first second; with @after, of the
 * next day's, so that "--to" includes the whole day.  Exactly YYYY-MM-DD:
 * four digits, two, two, a real date, in the years a GDateTime holds
 * from 1900 on. */
static gboolean
parse_day (LotsenStore *store,
           const char  *option,
           const char  *text,
           gboolean     after,
           gint64      *unix_seconds,
           GError     **error)
{
  g_autoptr(GDateTime) day = NULL;
  int year, month, dom;

  if (text == NULL)
    {
      *unix_seconds = 0;
      return TRUE;
    }

  for (int i = 0; i < 10; i++)
    if (text[i] == '\0' || ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i])))
      goto not_a_date;
  if (text[10] != '\0')
    goto not_a_date;

  year = atoi (text);
  month = atoi (text + 5);
  dom = atoi (text + 8);

  if (year < 1900)
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                   /* Translators: %s is an option such as "--from"; keep the dates as they are. */
                   _("%s needs a date from 1900-01-01 to 9999-12-31."), option);
      return FALSE;
    }

  if (!g_date_valid_dmy (dom, month, year) ||
      (day = g_date_time_new (lotsen_store_get_timezone (store), year, month, dom, 0, 0, 0)) == NULL)
    goto not_a_date;

  *unix_seconds = g_date_time_to_unix (day);
  if (after)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

      /* The day after 9999-12-31 is past what a GDateTime holds. */
      *unix_seconds = next != NULL ? g_date_time_to_unix (next) : *unix_seconds + 24 * 3600;
    }

  return TRUE;

not_a_date:
  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %s is an option such as "--from"; keep YYYY-MM-DD. */
               _("%s needs a date written YYYY-MM-DD."), option);
  return FALSE;
}

/* --from and --to as [from, to): each as parse_day() reads it, and the
 * last day not before the first. */
static gboolean
parse_period (LotsenStore  *store,
              gint64       *from,
              gint64       *to,
              GError      **error)
{
  if (!parse_day (store, "--from", opt_from, FALSE, from, error) ||
      !parse_day (store, "--to", opt_to, TRUE, to, error))
    return FALSE;

  if (opt_from != NULL && opt_to != NULL && *to <= *from)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The end of the period comes before its start."));
      return FALSE;
    }

  return TRUE;
}

static int
export_data (LotsenStore *store,
             const char  *dataset_name)
{
  static const LotsenExportDataset every[] = {
    LOTSEN_EXPORT_VISITORS, LOTSEN_EXPORT_TICKETS, LOTSEN_EXPORT_SIGNUPS, LOTSEN_EXPORT_ACTIVITIES,
  };
  g_autoptr(GError) error = NULL;
  LotsenExportOptions options = { .separator = ';' };
  /* Any data set will do for "all": lotsen_export_write() refuses a workbook. */
  LotsenExportDataset dataset = LOTSEN_EXPORT_VISITORS;
  LotsenExportFormat format;
  gboolean all, written;
  guint64 rows = 0;

  if (!lotsen_export_format_from_string (opt_format ? opt_format : "csv", &format, &error))
    return fail_error (error);

  /* The file's extension names the format when --format does not, and
   * must agree with it when it does. */
  if (opt_output != NULL && !g_str_equal (opt_output, "-"))
    {
      const char *dot = strrchr (opt_output, '.');
      LotsenExportFormat named;

      if (dot != NULL && strchr (dot, '/') == NULL &&
          lotsen_export_format_from_string (dot + 1, &named, NULL))
        {
          if (opt_format == NULL)
            format = named;
          else if (named != format)
            {
              g_autofree char *message =
                /* Translators: %s is a file name, then a format such as "csv". */
                g_strdup_printf (_("%s does not end as a %s file does. Change --format or the file’s name."),
                                 opt_output, lotsen_export_format_to_string (format));
              return fail (EXIT_USAGE, message);
            }
        }
    }

  /* "all": every data set in one workbook, a sheet each. */
  all = format == LOTSEN_EXPORT_XLSX && g_ascii_strcasecmp (dataset_name, "all") == 0;

  if ((!all && !lotsen_export_dataset_from_string (dataset_name, &dataset, &error)) ||
      !parse_period (store, &options.from, &options.to, &error))
    return fail_error (error);

  if (opt_separator != NULL)
    options.separator = strlen (opt_separator) == 1 ? opt_separator[0] : '?';

  if (opt_output == NULL || *opt_output == '\0')
    return fail (EXIT_USAGE, _("Where to? Give --output FILE, or --output - for standard output."));

  if (g_str_equal (opt_output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autofree char *detail = NULL;

      if (!lotsen_export_write (store, dataset, format, &options, out, &rows, &error) ||
          !g_output_stream_flush (out, NULL, &error))
        return fail_error (error);

      detail = g_strdup_printf ("%s %s - rows=%" G_GUINT64_FORMAT, dataset_name,
                                lotsen_export_format_to_string (format), rows);
      if (!lotsen_store_audit (store, "export", detail, &error))
        return fail_with (EXIT_STORE, error);

      return EXIT_SUCCESS;
    }

  if (all)
    written = lotsen_export_workbook_to_file (store, every, G_N_ELEMENTS (every), &options, opt_output,
                                              &rows, &error);
  else
    written = lotsen_export_to_file (store, dataset, format, &options, opt_output, &rows, &error);

  if (!written)
    return fail_error (error);

  g_printerr (ngettext ("%lu row written to %s\n", "%lu rows written to %s\n", (gulong) rows),
              (gulong) rows, opt_output);
  return EXIT_SUCCESS;
}

static gboolean
parse_desk (const char *text,
            int        *desk)
{
  guint64 value;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, LOTSEN_MAX_DESK, &value, NULL))
    return FALSE;

  *desk = (int) value;
  return TRUE;
}

static int
call_next (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenTicket) ticket = NULL;
  int desk;

  if (!parse_desk (opt_desk, &desk))
    {
      g_autofree char *message = g_strdup_printf (_("--desk needs a desk number from 1 to %d."),
                                                  LOTSEN_MAX_DESK);
      return fail (EXIT_USAGE, message);
    }

  ticket = lotsen_queue_call_next (store, desk, opt_service, &error);
  if (error != NULL)
    return fail_error (error);

  if (ticket == NULL)
    return fail (EXIT_NOTHING, _("No ticket is waiting."));

  g_print ("%s\n", ticket->label);
  return EXIT_SUCCESS;
}

static int
purge_visitors (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  guint64 days;
  guint count;

  /* The new period first: a wrong one changes nothing and purges nothing. */
  if (opt_retention_days != NULL)
    {
      if (!g_ascii_string_to_unsigned (opt_retention_days, 10, 0, G_MAXUINT, &days, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("--retention-days needs a number of days from %d to %d."),
                                                      LOTSEN_RETENTION_DAYS_MIN, LOTSEN_RETENTION_DAYS_MAX);
          return fail (EXIT_USAGE, message);
        }

      if (!lotsen_store_set_retention_days (store, (guint) days, &error))
        return fail_error (error);
    }

  if (!lotsen_visitor_purge (store, &count, &error))
    return fail_error (error);

  g_print (ngettext ("%u visitor anonymised\n", "%u visitors anonymised\n", count), count);
  return EXIT_SUCCESS;
}

/* Another kiosk's JSONL export, merged: skipped lines are reported, not
 * failed on. */
static int
import_data (LotsenStore *store,
             const char  *path)
{
  g_auto(LotsenImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *present = NULL;
  g_autofree char *skipped = NULL;
  gulong n_added, n_present, n_skipped, n_updated;

  if (!lotsen_import_jsonl_file (store, path, &report, &error))
    return fail_with (error != NULL && (error->domain == LOTSEN_IMPORT_ERROR || error->domain == G_IO_ERROR)
                      ? EXIT_USAGE : EXIT_STORE,
                      error);

  n_added = lotsen_import_report_get_added (&report);
  n_present = lotsen_import_report_get_present (&report);
  n_skipped = report.skipped->len;
  n_updated = report.n_updated[LOTSEN_EXPORT_SIGNUPS];

  added = g_strdup_printf (ngettext ("%lu row added", "%lu rows added", n_added), n_added);
  present = g_strdup_printf (ngettext ("%lu already here", "%lu already here", n_present), n_present);
  skipped = g_strdup_printf (ngettext ("%lu line skipped", "%lu lines skipped", n_skipped), n_skipped);
  /* Translators: the three counts above: rows added, rows already here, lines skipped. */
  g_print (_("%s, %s, %s\n"), added, present, skipped);

  if (n_updated > 0)
    g_print (ngettext ("%lu sign-up updated to a later change\n", "%lu sign-ups updated to a later change\n",
                       n_updated), n_updated);
  if (report.n_codes_dropped > 0)
    g_print (ngettext ("%lu visitor added without their code, which is taken here\n",
                       "%lu visitors added without their codes, which are taken here\n",
                       (gulong) report.n_codes_dropped), (gulong) report.n_codes_dropped);

  for (guint i = 0; i < report.changed->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report.changed, i));
  for (guint i = 0; i < report.skipped->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report.skipped, i));

  if (report.n_placed > 0 || report.n_linked > 0)
    g_print (ngettext ("%lu row of earlier imports placed or linked to its visitor now\n",
                       "%lu rows of earlier imports placed or linked to their visitors now\n",
                       (gulong) (report.n_placed + report.n_linked)),
             (gulong) (report.n_placed + report.n_linked));

  /* What still cannot be placed: one line, and a status scripts see. */
  if (report.n_waiting > 0 || report.n_unlinked > 0)
    {
      g_autofree char *sessions = g_strdup_printf (ngettext ("%lu sign-up waits for its session",
                                                             "%lu sign-ups wait for their sessions",
                                                             (gulong) report.n_waiting),
                                                   (gulong) report.n_waiting);
      g_autofree char *visitors = g_strdup_printf (ngettext ("%lu row waits for its visitor",
                                                             "%lu rows wait for their visitors",
                                                             (gulong) report.n_unlinked),
                                                   (gulong) report.n_unlinked);

      /* Translators: the two counts above; then what to do. */
      g_printerr (_("lotsen-admin: %s and %s: import the file with them, and these are placed then.\n"),
                  sessions, visitors);
      return EXIT_PENDING;
    }

  return EXIT_SUCCESS;
}

/* The funder report of the local days --from to --to, both included. */
static int
report_data (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenReport) report = NULL;
  const char *lang = opt_lang ? opt_lang : "sv";
  const char *format = opt_format ? opt_format : "pdf";
  gint64 from, to;
  gboolean written;

  if (!g_str_equal (lang, "sv") && !g_str_equal (lang, "en"))
    return fail (EXIT_USAGE, _("The report is written in Swedish (--lang sv) or English (--lang en)."));

  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv") && !g_str_equal (format, "xlsx"))
    return fail (EXIT_USAGE, _("The report’s format is pdf, csv or xlsx."));

  if (opt_from == NULL || opt_to == NULL)
    return fail (EXIT_USAGE, _("Which period? Give --from YYYY-MM-DD and --to YYYY-MM-DD."));

  if (!parse_period (store, &from, &to, &error))
    return fail_error (error);

  if (opt_output == NULL || *opt_output == '\0' || g_str_equal (opt_output, "-"))
    return fail (EXIT_USAGE, _("Where to? Give --output FILE."));

  lotsen_i18n_set_language (lang);

  report = lotsen_report_new (store, from, to, &error);
  if (report == NULL)
    return fail_error (error);

  if (g_str_equal (format, "pdf"))
    {
      written = lotsen_report_pdf_to_file (store, report, opt_output, &error);
      lotsen_report_pdf_shutdown ();
    }
  else
    written = lotsen_report_to_file (store, report,
                                     g_str_equal (format, "csv") ? LOTSEN_REPORT_CSV : LOTSEN_REPORT_XLSX,
                                     opt_output, &error);

  if (!written)
    return fail_error (error);

  return EXIT_SUCCESS;
}

/* The sessions in a period, default the coming 14 days: id, local start,
 * Swedish title, seats taken/capacity, people waiting. */
static int
list_activities (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 from, to;

  if (!parse_period (store, &from, &to, &error))
    return fail_error (error);

  if (opt_from == NULL)
    from = lotsen_clock_get_now (lotsen_store_get_clock (store));
  if (opt_to == NULL)
    to = from + 14 * 24 * 3600;

  sessions = lotsen_activity_list_sessions (store, from, to, "sv", NULL, FALSE, &error);
  if (sessions == NULL)
    return fail_with (EXIT_STORE, error);

  for (guint i = 0; i < sessions->len; i++)
    {
      LotsenSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *starts = lotsen_store_format_local (store, session->starts_at, "%Y-%m-%d %H:%M");

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d/%d\t%d\n", session->id, starts,
               session->title ? session->title : "-", session->taken, session->capacity, session->waiting);
    }

  return EXIT_SUCCESS;
}

/* A session's sign-ups for staff: place (seat status, or "waiting N"),
 * name or personal code, party size, and "promoted" for those who got a
 * seat from the waiting list and should be phoned. */
static int
list_signups (LotsenStore *store,
              const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSession) session = NULL;
  g_autoptr(GPtrArray) signups = NULL;
  gint64 session_id;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &session_id, NULL))
    return fail (EXIT_USAGE, _("signups needs a session’s number, as “activity list” shows it."));

  session = lotsen_activity_get_session (store, session_id, "sv", &error);
  if (session == NULL)
    return fail_error (error);

  signups = lotsen_activity_list_session_signups (store, session_id, &error);
  if (signups == NULL)
    return fail_with (EXIT_STORE, error);

  for (guint i = 0, waiting = 0; i < signups->len; i++)
    {
      LotsenSignup *signup = g_ptr_array_index (signups, i);
      g_autofree char *place = NULL;

      /* The waiting list comes last, first come first; its places
       * counted as it is listed. */
      if (signup->status == LOTSEN_SIGNUP_WAITLISTED)
        place = g_strdup_printf ("waiting %u", ++waiting);
      else
        place = g_strdup (lotsen_signup_status_to_string (signup->status));

      g_print ("%s\t%s\t%d\t%s\n", place,
               signup->visitor_code ? signup->visitor_code : signup->name ? signup->name : "-",
               signup->party_size, signup->promoted ? "promoted" : "-");
    }

  return EXIT_SUCCESS;
}

/* A consistent copy of the database, checked, while the kiosk may be
 * writing; the result is recorded for the staff panel. */
static int
backup_database (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) record_error = NULL;
  g_autofree char *target = NULL;

  if (opt_output == NULL || *opt_output == '\0' || g_str_equal (opt_output, "-"))
    return fail (EXIT_USAGE, _("Where to? Give --output FILE."));

  target = g_canonicalize_filename (opt_output, NULL);
  if (!lotsen_backup_write (lotsen_store_get_path (store), target, &error))
    {
      lotsen_backup_record_result (store, NULL, error, NULL);
      return fail (EXIT_STORE, error->message);
    }

  if (!lotsen_backup_record_result (store, target, NULL, &record_error))
    g_printerr ("lotsen-admin: %s\n", record_error->message);

  /* Translators: %s is the backup's file name. */
  g_printerr (_("Backup written to %s\n"), target);
  return EXIT_SUCCESS;
}

/* The site's settings: its names (on the report's cover) and how long
 * visitors' names are kept. */
static int
get_setting (LotsenStore *store,
             const char  *key)
{
  g_autofree char *value = NULL;

  if (g_str_equal (key, "retention_days"))
    {
      g_print ("%u\n", lotsen_store_get_retention_days (store));
      return EXIT_SUCCESS;
    }

  if (!g_str_equal (key, "site_name") && !g_str_equal (key, "project_name"))
    {
      g_autofree char *message =
        /* Translators: %s is what was given; keep the settings' keys as they are. */
        g_strdup_printf (_("There is no setting “%s”. The settings are site_name, project_name and retention_days."),
                         key);
      return fail (EXIT_USAGE, message);
    }

  value = lotsen_store_get_setting (store, key);
  g_print ("%s\n", value != NULL ? value : "");
  return EXIT_SUCCESS;
}

static int
set_setting (LotsenStore *store,
             const char  *key,
             const char  *value)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (key, "retention_days"))
    {
      guint64 days;

      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &days, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("--retention-days needs a number of days from %d to %d."),
                                                      LOTSEN_RETENTION_DAYS_MIN, LOTSEN_RETENTION_DAYS_MAX);
          return fail (EXIT_USAGE, message);
        }
      if (!lotsen_store_set_retention_days (store, (guint) days, &error))
        return fail_error (error);
      return EXIT_SUCCESS;
    }

  if (!lotsen_store_set_name_setting (store, key, value, &error))
    return fail_error (error);

  return EXIT_SUCCESS;
}

/* The setting follow_up_days: shown when @value is %NULL. */
static int
outcome_setting (LotsenStore *store,
                 const char  *value)
{
  g_autoptr(GError) error = NULL;
  guint64 days;

  if (value == NULL)
    {
      g_print ("%u\n", lotsen_outcome_get_follow_up_days (store));
      return EXIT_SUCCESS;
    }

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &days, NULL))
    days = 0;
  if (!lotsen_outcome_set_follow_up_days (store, (guint) days, &error))
    return fail_error (error);

  return EXIT_SUCCESS;
}

/* Records an outcome for the visitor with @code, reported by staff. */
static int
set_outcome (LotsenStore *store,
             const char  *code,
             const char  *kind_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenVisitor) visitor = NULL;
  LotsenOutcomeKind kind;

  if (!lotsen_outcome_kind_from_string (kind_text, &kind))
    {
      g_autoptr(GString) kinds = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < LOTSEN_OUTCOME_N_KINDS; i++)
        g_string_append_printf (kinds, "%s%s", i ? ", " : "", lotsen_outcome_kind_to_string (i));
      /* Translators: %s is what was given, %s the kinds' keys (kept as they are). */
      message = g_strdup_printf (_("There is no outcome “%s”. The outcomes are %s."), kind_text, kinds->str);
      return fail (EXIT_USAGE, message);
    }

  visitor = lotsen_visitor_find_by_code (store, code, &error);
  if (visitor == NULL)
    return fail_error (error);

  if (lotsen_outcome_set (store, visitor->id, kind, opt_date, LOTSEN_OUTCOME_BY_STAFF, opt_note, &error) == 0)
    return fail_error (error);

  return EXIT_SUCCESS;
}

/* All outcomes (code, kind, begin date, reported by, note), or with --due
 * the follow-up list (code, name, phone, first visit). */
static int
list_outcomes (LotsenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (opt_due && opt_output != NULL)
    {
      if (!lotsen_outcome_export_due (store, opt_output, &error))
        return fail_error (error);
      return EXIT_SUCCESS;
    }

  if (opt_due)
    {
      rows = lotsen_outcome_list_due (store, &error);
      if (rows == NULL)
        return fail_with (EXIT_STORE, error);
      for (guint i = 0; i < rows->len; i++)
        {
          LotsenFollowUp *row = g_ptr_array_index (rows, i);
          g_autofree char *first = lotsen_store_format_local_day (store, row->first_visit);
          g_autofree char *name = g_strjoin (" ", row->given_name ? row->given_name : "",
                                             row->family_name ? row->family_name : "", NULL);

          g_strstrip (name);
          g_print ("%s\t%s\t%s\t%s\n", row->code ? row->code : "-", *name ? name : "-",
                   row->phone ? row->phone : "-", first);
        }
      return EXIT_SUCCESS;
    }

  rows = lotsen_outcome_list (store, 0, &error);
  if (rows == NULL)
    return fail_with (EXIT_STORE, error);
  for (guint i = 0; i < rows->len; i++)
    {
      LotsenOutcome *row = g_ptr_array_index (rows, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", row->id, row->code ? row->code : "-",
               lotsen_outcome_kind_to_string (row->kind), row->begin_date,
               row->reported_by == LOTSEN_OUTCOME_BY_VISITOR ? "visitor" : "staff",
               row->note ? row->note : "-");
    }

  return EXIT_SUCCESS;
}

/* Before the database is opened: a damaged database is what a restore
 * is for. */
static int
restore_database (const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = opt_database ? g_strdup (opt_database) : lotsen_store_default_path ();
  g_autofree char *kept_as = NULL;

  if (!lotsen_backup_restore (path, backup, &kept_as, &error))
    return fail (error->domain == LOTSEN_BACKUP_ERROR && error->code != LOTSEN_BACKUP_ERROR_FAILED
                 ? EXIT_USAGE : EXIT_STORE, error->message);

  /* An older backup's schema is brought up to date here. */
  store = lotsen_store_open (path, NULL, &error);
  if (store == NULL)
    return fail (EXIT_STORE, error->message);

  if (!lotsen_store_audit (store, "restore", backup, &error))
    return fail (EXIT_STORE, error->message);

  if (kept_as != NULL)
    /* Translators: %s is a file name. */
    g_printerr (_("The database as it was is kept as %s\n"), kept_as);
  return EXIT_SUCCESS;
}

/* @seeded: a new database starts as the kiosk would start it, with the
 * demo services and activities; without, it starts empty (for an import,
 * an export, a report or a setting, where demo rows would be counted and
 * exported as if they were the site's). */
static LotsenStore *
open_store (gboolean   seeded,
            GError   **error)
{
  g_autoptr(LotsenStore) store = NULL;
  g_autofree char *path = opt_database ? g_strdup (opt_database) : lotsen_store_default_path ();

  store = lotsen_store_open_seeded (path, NULL, seeded ? lotsen_demo_seed : NULL, error);
  if (store == NULL)
    return NULL;

  /* The whole file, however big: staff must not get a partial answer
   * from a damaged one. */
  if (!lotsen_store_check (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenStore) store = NULL;
  const char *command, *arg;

  lotsen_i18n_init (g_getenv ("LOTSEN_LOCALEDIR") ? g_getenv ("LOTSEN_LOCALEDIR") : LOCALEDIR);

  context = g_option_context_new (_("COMMAND — manage the Lotsen kiosk’s data"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Commands:\n"
      "  ticket take LETTER [--lang CODE]    take a ticket for a service, print its label\n"
      "  ticket done LABEL                   close a called ticket as served\n"
      "  ticket no-show LABEL                close a called ticket as not shown\n"
      "  queue                               list today’s waiting tickets in call order\n"
      "  call-next --desk N [--service L]    call the next ticket, print its label\n"
      "  visitor show CODE                   show what is stored about a visitor\n"
      "  visitor delete CODE                 erase a visitor (tickets and sign-ups stay, nameless)\n"
      "  purge [--retention-days N]          anonymise visitors not seen for the retention period (default 365 days)\n"
      "  export DATASET --output FILE        write visitors, tickets, signups or activities,\n"
      "                                      or all of them as one workbook (xlsx only)\n"
      "       [--format csv|jsonl|xlsx|ics] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--separator ,]\n"
      "  import FILE.jsonl                   merge another kiosk’s jsonl export (rows already here stay)\n"
      "  report --from D --to D -o FILE      funder statistics (--format pdf|csv|xlsx, --lang sv|en)\n"
      "  activity list [--from D] [--to D]   sessions (default the coming 14 days): id, time, title, taken/seats, waiting\n"
      "  signups SESSION_ID                  a session’s sign-ups: place, name or code, party size, promoted\n"
      "  backup --output FILE                a checked copy of the database, also while the kiosk runs\n"
      "  restore FILE                        put a backup in place (the current database is kept aside)\n"
      "  setting get KEY                     show a setting: site_name, project_name, retention_days\n"
      "  setting set KEY VALUE               change it (the names show on the report’s cover)\n"
      "\n"
      "Exit status: 0 done, 1 no ticket waits, 2 wrong input (nothing changed),\n"
      "3 the database cannot be used, 4 imported, but some rows wait for another import."));
  {
    g_autofree char *more = g_strconcat (g_option_context_get_description (context), "\n\n",
                                         _("Calls:\n"
                                           "  ticket recall LABEL                 call a called ticket again, at its desk\n"
                                           "  ticket transfer LABEL LETTER        send a ticket to another service; it keeps its place\n"
                                           "  ticket print LABEL [--printer QUEUE] [--output FILE.pdf] [--paper 80mm|58mm]\n"
                                           "                                      print a ticket, or write it as a PDF\n"
                                           "Printing: exit status 1 when the printer cannot print."),
                                         "\n\n",
                                         _("Outcomes:\n"
                                           "  outcome set CODE KIND [--date YYYY-MM-DD] [--note TEXT]\n"
                                           "                                      record what a visitor went on to (work, work-employed,\n"
                                           "                                      work-own-business, studies, studies-sfi, studies-komvux,\n"
                                           "                                      studies-folkhogskola, studies-university,\n"
                                           "                                      studies-vocational, internship, other)\n"
                                           "  outcome list [--due [--output FILE.csv]]\n"
                                           "                                      all outcomes, or those to follow up: no outcome\n"
                                           "                                      and a first visit follow_up_days (90) days ago\n"
                                           "  setting set follow_up_days N        change when participants are followed up"),
                                         NULL);

    g_option_context_set_description (context, more);
  }

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail_with (EXIT_USAGE, error);

  if (opt_version)
    {
      g_print ("lotsen-admin %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (argc < 2)
    return fail (EXIT_USAGE, _("Which command? See “lotsen-admin --help”."));

  command = argv[1];
  arg = argc > 2 ? argv[2] : NULL;

  /* Every word counts: one too many is a mistake, not something to ignore. */
  if (!((g_str_equal (command, "queue") && argc == 2) ||
        (g_str_equal (command, "call-next") && argc == 2) ||
        (g_str_equal (command, "purge") && argc == 2) ||
        (g_str_equal (command, "ticket") && arg != NULL && argc == 4 &&
         (g_str_equal (arg, "take") || g_str_equal (arg, "done") || g_str_equal (arg, "no-show") ||
          g_str_equal (arg, "recall") || g_str_equal (arg, "print"))) ||
        (g_str_equal (command, "ticket") && arg != NULL && argc == 5 && g_str_equal (arg, "transfer")) ||
        (g_str_equal (command, "visitor") && arg != NULL && argc == 4 &&
         (g_str_equal (arg, "show") || g_str_equal (arg, "delete"))) ||
        (g_str_equal (command, "export") && argc == 3) ||
        (g_str_equal (command, "import") && argc == 3) ||
        (g_str_equal (command, "report") && argc == 2) ||
        (g_str_equal (command, "activity") && argc == 3 && g_str_equal (arg, "list")) ||
        (g_str_equal (command, "signups") && argc == 3) ||
        (g_str_equal (command, "backup") && argc == 2) ||
        (g_str_equal (command, "restore") && argc == 3) ||
        (g_str_equal (command, "outcome") && arg != NULL &&
         ((g_str_equal (arg, "set") && argc == 5) || (g_str_equal (arg, "list") && argc == 3))) ||
        (g_str_equal (command, "setting") && arg != NULL &&
         ((g_str_equal (arg, "get") && argc == 4) || (g_str_equal (arg, "set") && argc == 5)))))
    {
      g_autofree char *words = g_strjoinv (" ", argv + 1);
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”. See “lotsen-admin --help”."),
                                                  words);
      return fail (EXIT_USAGE, message);
    }

  if (g_str_equal (command, "restore"))
    return restore_database (arg);

  store = open_store (!(g_str_equal (command, "import") || g_str_equal (command, "export") ||
                        g_str_equal (command, "report") || g_str_equal (command, "setting")),
                      &error);
  if (store == NULL)
    return fail_with (status_for_error (error), error);

  if (g_str_equal (command, "backup"))
    return backup_database (store);

  if (g_str_equal (command, "queue"))
    return list_queue (store);
  if (g_str_equal (command, "call-next"))
    return call_next (store);
  if (g_str_equal (command, "purge"))
    return purge_visitors (store);
  if (g_str_equal (command, "export"))
    return export_data (store, arg);
  if (g_str_equal (command, "import"))
    return import_data (store, arg);
  if (g_str_equal (command, "report"))
    return report_data (store);
  if (g_str_equal (command, "activity"))
    return list_activities (store);
  if (g_str_equal (command, "signups"))
    return list_signups (store, arg);
  if (g_str_equal (command, "outcome"))
    return g_str_equal (arg, "set") ? set_outcome (store, argv[3], argv[4]) : list_outcomes (store);
  if (g_str_equal (command, "setting") && g_str_equal (argv[3], "follow_up_days"))
    return outcome_setting (store, argc == 5 ? argv[4] : NULL);
  if (g_str_equal (command, "setting"))
    return g_str_equal (arg, "get") ? get_setting (store, argv[3]) : set_setting (store, argv[3], argv[4]);
  if (g_str_equal (command, "visitor"))
    return g_str_equal (arg, "show") ? show_visitor (store, argv[3]) : delete_visitor (store, argv[3]);
  if (g_str_equal (arg, "recall"))
    return recall_ticket (store, argv[3]);
  if (g_str_equal (arg, "print"))
    return print_ticket (store, argv[3]);
  if (g_str_equal (arg, "transfer"))
    return transfer_ticket (store, argv[3], argv[4]);
  if (g_str_equal (arg, "take"))
    return take_ticket (store, argv[3]);
  if (g_str_equal (arg, "done"))
    return finish_ticket (store, argv[3], LOTSEN_TICKET_DONE);

  return finish_ticket (store, argv[3], LOTSEN_TICKET_NO_SHOW);
}
