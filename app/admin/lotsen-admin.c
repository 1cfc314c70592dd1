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
#include "lotsen-admin-outcome.h"
#include "lotsen-backup.h"
#include "lotsen-clips.h"
#include "lotsen-demo.h"
#include "lotsen-export.h"
#include "lotsen-import.h"
#include "lotsen-i18n.h"
#include "lotsen-outcome.h"
#include "lotsen-interpreter.h"
#include "lotsen-queue.h"
#include "lotsen-printer.h"
#include "lotsen-report-pdf.h"
#include "lotsen-ticket-pdf.h"
#include "lotsen-signup.h"
#include "lotsen-speech.h"
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
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, N_("The database file (default: the kiosk’s own)"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("PATH") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang, N_("The visitor’s language, for “ticket take”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("CODE") },
  { "desk", 0, 0, G_OPTION_ARG_STRING, &opt_desk, N_("The calling desk’s number, for “call-next”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("N") },
  { "service", 0, 0, G_OPTION_ARG_STRING, &opt_service, N_("Only call this service’s tickets, for “call-next”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("LETTER") },
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("csv, jsonl, xlsx or ics, for “export”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("FORMAT") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("The first day to export, for “export”"),
    /* Translators: a date's pattern in “lotsen-admin --help”: year, month, day; keep the digits' order. */
    N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The last day to export, for “export”"), N_("YYYY-MM-DD") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Where to write, - for standard output, for “export”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("FILE") },
  { "separator", 0, 0, G_OPTION_ARG_STRING, &opt_separator, N_("; (the default) or , between CSV cells, for “export”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("CHAR") },
  { "retention-days", 0, 0, G_OPTION_ARG_STRING, &opt_retention_days, N_("Keep visitors’ names this many days after their last visit, for “purge”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("DAYS") },
  { "printer", 0, 0, G_OPTION_ARG_STRING, &opt_printer, N_("The CUPS printer queue, for “ticket print”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("QUEUE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("80mm (the default) or 58mm receipt paper, for “ticket print”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("WIDTH") },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The day an outcome began (default today), for “outcome set”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("YYYY-MM-DD") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("A note on the outcome, for “outcome set”"),
    /* Translators: the placeholder for an option's value in “lotsen-admin --help”: one short word. */
    N_("TEXT") },
  { "due", 0, 0, G_OPTION_ARG_NONE, &opt_due, N_("Only the participants due for a follow-up, for “outcome list”"), NULL },
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

/* The interpreter languages the kiosk offers: list, add or remove one. */
static int
interpreter_languages (LotsenStore *store,
                       const char  *verb,
                       const char  *code)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (verb, "list"))
    {
      g_auto(GStrv) codes = lotsen_interpreter_list (store);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          const LotsenInterpreterLanguage *language = lotsen_interpreter_lookup (codes[i]);

          g_print ("%s\t%s\t%s\n", language->code, lotsen_interpreter_get_name (language), language->native_name);
        }
      return EXIT_SUCCESS;
    }

  if (g_str_equal (verb, "add") ? !lotsen_interpreter_add (store, code, &error)
                                : !lotsen_interpreter_remove (store, code, &error))
    return fail_with (status_for_error (error), error);

  return EXIT_SUCCESS;
}

/* Every language the build has a catalogue for: its code, how much of it
 * is translated, whether the kiosk offers it, and its own name; headed in
 * the --lang language (Swedish where that language lacks a string). */
static int
list_languages (void)
{
  const LotsenLanguage *languages;
  guint n_languages;

  if (opt_lang != NULL && !lotsen_i18n_set_language (opt_lang))
    {
      g_autofree char *message = g_strdup_printf (_("No language has the code “%s”."), opt_lang);

      return fail (EXIT_USAGE, message);
    }

  /* Translators: the column headings of “lotsen-admin languages”, separated by tabs: a language's
   * code, the share of its strings translated, whether the kiosk offers it, its own name. */
  g_print ("%s\n", _("Code\tTranslated\tOffered\tName"));
  languages = lotsen_i18n_get_all_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    g_print ("%s\t%u %%\t%s\t%s\n", languages[i].code, languages[i].coverage,
             /* Translators: in the “Offered” column of “lotsen-admin languages”. */
             languages[i].offered ? C_("offered", "yes")
             /* Translators: in the “Offered” column of “lotsen-admin languages”. */
                                  : C_("offered", "no"),
             languages[i].native_name);

  return EXIT_SUCCESS;
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
  print_field ("employment", lotsen_employment_to_string (visitor->employment));
  print_field ("education", lotsen_education_to_string (visitor->education));
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
  const char *dot = opt_output != NULL ? strrchr (opt_output, '.') : NULL;
  gint64 from, to;
  gboolean written;

  if (!g_str_equal (lang, "sv") && !g_str_equal (lang, "en"))
    return fail (EXIT_USAGE, _("The report is written in Swedish (--lang sv) or English (--lang en)."));

  /* As for an export: "r.csv" is a CSV file unless --format says
   * otherwise, and then the two must agree. */
  if (dot != NULL && strchr (dot, '/') == NULL &&
      (g_ascii_strcasecmp (dot, ".pdf") == 0 || g_ascii_strcasecmp (dot, ".csv") == 0 ||
       g_ascii_strcasecmp (dot, ".xlsx") == 0))
    {
      if (opt_format == NULL)
        format = dot + 1;
      else if (g_ascii_strcasecmp (dot + 1, opt_format) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s does not end as a %s file does. Change --format or the file’s name."),
                             opt_output, opt_format);
          return fail (EXIT_USAGE, message);
        }
    }

  if (g_ascii_strcasecmp (format, "pdf") != 0 && g_ascii_strcasecmp (format, "csv") != 0 &&
      g_ascii_strcasecmp (format, "xlsx") != 0)
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

  if (g_ascii_strcasecmp (format, "pdf") == 0)
    written = lotsen_report_pdf_to_file (store, report, opt_output, &error);
  else
    written = lotsen_report_to_file (store, report,
                                     g_ascii_strcasecmp (format, "csv") == 0 ? LOTSEN_REPORT_CSV : LOTSEN_REPORT_XLSX,
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
  if (g_str_equal (key, "follow_up_days"))
    {
      g_print ("%u\n", lotsen_outcome_get_follow_up_days (store));
      return EXIT_SUCCESS;
    }
  if (g_str_equal (key, "esf_fields"))
    {
      g_print ("%s\n", lotsen_visitor_get_esf_fields (store) ? "on" : "off");
      return EXIT_SUCCESS;
    }

  if (!g_str_equal (key, "site_name") && !g_str_equal (key, "project_name"))
    {
      g_autofree char *message =
        /* Translators: %s is what was given; keep the settings' keys as they are. */
        g_strdup_printf (_("There is no setting “%s”. The settings are site_name, project_name, retention_days, follow_up_days and esf_fields."),
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

  if (g_str_equal (key, "follow_up_days"))
    {
      if (!lotsen_outcome_set_follow_up_days (store, value, &error))
        return fail_error (error);
      return EXIT_SUCCESS;
    }

  if (g_str_equal (key, "esf_fields"))
    {
      if (!lotsen_visitor_set_esf_fields (store, value, &error))
        return fail_error (error);
      return EXIT_SUCCESS;
    }

  if (!lotsen_store_set_name_setting (store, key, value, &error))
    return fail_error (error);

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

/* Per language, how many spoken messages can be said: all of them in the
 * synthetic voice, else those with a recorded clip. */
static int
voice_coverage (void)
{
  const LotsenLanguage *languages;
  guint n_languages;

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      const char *code = languages[i].code;

      if (lotsen_speech_has_voice (code))
        /* Translators: a language code, then e.g. "123 of 123" spoken messages, in the synthetic voice. */
        g_print (_("%s: %u of %u (voice)\n"), code, lotsen_n_spoken_strings, lotsen_n_spoken_strings);
      else
        /* Translators: a language code, then e.g. "12 of 123" spoken messages with a recorded clip. */
        g_print (_("%s: %u of %u (clips)\n"), code, lotsen_clips_count (code), lotsen_n_spoken_strings);
    }

  return EXIT_SUCCESS;
}

/* The clips recorded at this kiosk, to FOLDER/<lang>/. */
static int
voice_export (const char *folder)
{
  const LotsenLanguage *languages;
  guint n_languages;

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      g_autoptr(GError) error = NULL;
      guint n_copied;

      if (!lotsen_clips_export (languages[i].code, folder, &n_copied, &error))
        return fail (EXIT_STORE, error->message);
      if (n_copied > 0)
        /* Translators: a language code, then how many recorded clips were copied. */
        g_print (ngettext ("%s: %u clip\n", "%s: %u clips\n", n_copied), languages[i].code, n_copied);
    }

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

/* What `lotsen-admin --help` lists: the command as typed (not
 * translated), and what it does (one message each, so a new command asks
 * translators for one line).  Translators: each description follows its
 * command in “lotsen-admin --help”; keep option names, KIND values and
 * setting keys as they are. */
static const struct {
  const char *usage;
  const char *description;
} commands[] = {
  { "ticket take LETTER [--lang CODE]", N_("take a ticket for a service, print its label") },
  { "ticket done LABEL", N_("close a called ticket as served") },
  { "ticket no-show LABEL", N_("close a called ticket as not shown") },
  { "ticket recall LABEL", N_("call a called ticket again, at its desk") },
  { "ticket transfer LABEL LETTER", N_("send a ticket to another service; it keeps its place") },
  { "ticket print LABEL [--printer QUEUE] [--output FILE.pdf] [--paper 80mm|58mm]",
    N_("print a ticket, or write it as a PDF") },
  { "queue", N_("list today’s waiting tickets in call order") },
  { "call-next --desk N [--service L]", N_("call the next ticket, print its label") },
  { "visitor show CODE", N_("show what is stored about a visitor") },
  { "visitor delete CODE", N_("erase a visitor (tickets and sign-ups stay, nameless)") },
  { "purge [--retention-days N]", N_("anonymise visitors not seen for the retention period (default 365 days)") },
  { "export DATASET --output FILE [--format csv|jsonl|xlsx|ics] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--separator ,]",
    N_("write visitors, tickets, signups or activities, or all of them as one workbook (xlsx only)") },
  { "import FILE.jsonl", N_("merge another kiosk’s jsonl export (rows already here stay)") },
  { "report --from D --to D -o FILE", N_("funder statistics (--format pdf|csv|xlsx, --lang sv|en)") },
  { "activity list [--from D] [--to D]", N_("sessions (default the coming 14 days): id, time, title, taken/seats, waiting") },
  { "signups SESSION_ID", N_("a session’s sign-ups: place, name or code, party size, promoted") },
  { "outcome set CODE KIND [--date D] [--note TEXT]",
    N_("record (or correct) what became of a participant; KIND: employed, own-business, sfi, komvux, "
       "folkhogskola, university, vocational, internship, other") },
  { "outcome remove CODE KIND", N_("remove an outcome recorded by mistake") },
  { "outcome list [--due [--output FILE.csv]]",
    N_("every outcome; --due: participants to follow up (code, name, phone, first visit), to a CSV file with --output") },
  { "setting get KEY", N_("show a setting: site_name, project_name, retention_days, follow_up_days, esf_fields") },
  { "setting set KEY VALUE", N_("change it (the names show on the report’s cover)") },
  { "backup --output FILE", N_("a checked copy of the database, also while the kiosk runs") },
  { "restore FILE", N_("put a backup in place (the current database is kept aside)") },
  { "languages [--lang CODE]", N_("the built languages: share translated, offered or not") },
  { "interpreter-languages list", N_("the interpreter languages the kiosk offers") },
  { "interpreter-languages add CODE", N_("offer an interpreter in that language (never sv)") },
  { "interpreter-languages remove CODE", N_("stop offering it") },
  { "voice coverage", N_("per language, how many of the spoken texts have a synthetic voice or a recorded clip") },
  { "voice export DIR", N_("copy the clips recorded at this kiosk to DIR/LANG/, for the project") },
};

#define USAGE_COLUMN 36

static char *
describe_commands (void)
{
  /* Translators: the heading of the command list in “lotsen-admin --help”. */
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      /* A long command on a line of its own, what it does below it. */
      if (strlen (commands[i].usage) >= USAGE_COLUMN)
        g_string_append_printf (text, "  %s\n  %-*s  %s\n", commands[i].usage, USAGE_COLUMN, "",
                                _(commands[i].description));
      else
        g_string_append_printf (text, "  %-*s  %s\n", USAGE_COLUMN, commands[i].usage,
                                _(commands[i].description));
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Exit status: 0 done, 1 no ticket waits or the printer cannot print, "
                           "2 wrong input (nothing changed), 3 the database cannot be used, "
                           "4 imported, but some rows wait for another import."));

  return g_string_free (g_steal_pointer (&text), FALSE);
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
  {
    g_autofree char *description = describe_commands ();

    g_option_context_set_description (context, description);
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
        (g_str_equal (command, "outcome") && arg != NULL &&
         ((argc == 5 && (g_str_equal (arg, "set") || g_str_equal (arg, "remove"))) ||
          (argc == 3 && g_str_equal (arg, "list")))) ||
        (g_str_equal (command, "backup") && argc == 2) ||
        (g_str_equal (command, "restore") && argc == 3) ||
        (g_str_equal (command, "setting") && arg != NULL &&
         ((g_str_equal (arg, "get") && argc == 4) || (g_str_equal (arg, "set") && argc == 5))) ||
        (g_str_equal (command, "languages") && argc == 2) ||
        (g_str_equal (command, "interpreter-languages") && arg != NULL &&
         ((g_str_equal (arg, "list") && argc == 3) ||
          ((g_str_equal (arg, "add") || g_str_equal (arg, "remove")) && argc == 4))) ||
        (g_str_equal (command, "voice") && arg != NULL &&
         ((g_str_equal (arg, "coverage") && argc == 3) || (g_str_equal (arg, "export") && argc == 4)))))
    {
      g_autofree char *words = g_strjoinv (" ", argv + 1);
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”. See “lotsen-admin --help”."),
                                                  words);
      return fail (EXIT_USAGE, message);
    }

  if (g_str_equal (command, "restore"))
    return restore_database (arg);
  if (g_str_equal (command, "languages"))
    return list_languages ();
  if (g_str_equal (command, "voice"))
    return g_str_equal (arg, "coverage") ? voice_coverage () : voice_export (argv[3]);

  store = open_store (!(g_str_equal (command, "import") || g_str_equal (command, "export") ||
                        g_str_equal (command, "report") || g_str_equal (command, "setting")),
                      &error);
  if (store == NULL)
    return fail_with (status_for_error (error), error);

  if (g_str_equal (command, "backup"))
    return backup_database (store);
  if (g_str_equal (command, "interpreter-languages"))
    return interpreter_languages (store, arg, argc > 3 ? argv[3] : NULL);

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
  if (g_str_equal (command, "setting"))
    return g_str_equal (arg, "get") ? get_setting (store, argv[3]) : set_setting (store, argv[3], argv[4]);
  if (g_str_equal (command, "outcome"))
    {
      gboolean ok;

      if (g_str_equal (arg, "set"))
        ok = lotsen_admin_outcome_set (store, argv[3], argv[4], opt_date, opt_note, &error);
      else if (g_str_equal (arg, "remove"))
        ok = lotsen_admin_outcome_remove (store, argv[3], argv[4], &error);
      else
        ok = lotsen_admin_outcome_list (store, opt_due, opt_output, &error);

      return ok ? EXIT_SUCCESS : fail_error (error);
    }
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
