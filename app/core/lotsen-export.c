/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-export.c — the kiosk's data for staff systems: one row source,
 * several writers.
 *
 * Each data set is one SELECT; its rows are stepped and written one at a
 * time, so an export of years of tickets needs no more memory than one.
 * CSV is for spreadsheets (Swedish Excel wants ';' and a BOM) and treats
 * every text cell as hostile: a cell that a spreadsheet would run as a
 * formula gets a leading apostrophe.  JSONL is for programs and keeps
 * every value exactly.  XLSX is a real workbook (libxlsxwriter): text
 * cells are strings, never formulas, times are Excel dates; it keeps one row in memory at a
 * time (the rest waits in temporary files beside the target) and can
 * only be written to a file.
 * iCalendar puts the activities' sessions into a calendar program.  A
 * file export goes to a temporary file beside the target, is synced and
 * renamed over it, and is recorded in the audit table in the same
 * transaction, so there is never a half-written export nor one without a
 * record.
 */

#define G_LOG_DOMAIN "lotsen-export"
/* fsync (), O_CLOEXEC and O_DIRECTORY under -std=c17. */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "lotsen-export.h"
#include "lotsen-store-private.h"

#define FLUSH_BYTES   65536  /* rows are buffered up to this before a write */
#define ISO_8601      "%Y-%m-%dT%H:%M:%S%:z"
#define CSV_BOM       "\xEF\xBB\xBF"
#define FORMULA_STARTS "=+-@\t\r"
#define REPLACEMENT   "\xEF\xBF\xBD" /* U+FFFD, for what a format cannot hold */

#define XLSX_MAX_UNITS   32767 /* Excel's longest cell, in UTF-16 code units */
#define XLSX_MAX_WIDTH   60    /* the widest column, in characters */
#define XLSX_TIME_WIDTH  16    /* "yyyy-mm-dd hh:mm" */
#define XLSX_SAMPLE_ROWS 1000  /* the rows that column widths are measured on */
#define XLSX_DATE_TIME   "yyyy-mm-dd hh:mm"

#define ICS_LINE_OCTETS 75     /* RFC 5545 3.1, without the CRLF */

/* The unix seconds GDateTime can show: years 1 to 9999. */
#define MIN_TIME G_GINT64_CONSTANT (-62135596800)
#define MAX_TIME G_GINT64_CONSTANT (253402300799)

typedef enum {
  KIND_TEXT,   /* anyone's text: neutralised in CSV */
  KIND_NUMBER, /* an integer, written as a number */
  KIND_TIME,   /* unix seconds, written as local ISO 8601 */
} ColumnKind;

typedef struct
{
  const char *name;
  ColumnKind  kind;
} Column;

typedef struct
{
  const char   *name;
  const char   *sql;       /* ?1: from or NULL, ?2: to or NULL; selects @columns in order */
  const Column *columns;
  guint         n_columns;
} Dataset;

/* Rows whose @column lies in [?1, ?2); an unbound end is open. */
#define IN_RANGE(column) "(?1 IS NULL OR " column " >= ?1) AND (?2 IS NULL OR " column " < ?2)"

/* Staff-entered content in Swedish, or in some language when there is
 * no Swedish text. */
#define SWEDISH_TITLE(activity) \
  "(SELECT title FROM activity_text WHERE activity_id = " activity " " \
  "ORDER BY lang = 'sv' DESC, lang LIMIT 1)"

static const Column visitor_columns[] = {
  { "uuid", KIND_TEXT },
  { "code", KIND_TEXT },
  { "created_at", KIND_TIME },
  { "lang", KIND_TEXT },
  { "given_name", KIND_TEXT },
  { "family_name", KIND_TEXT },
  { "birth_year", KIND_NUMBER },
  { "gender", KIND_TEXT },
  { "phone", KIND_TEXT },
  { "municipality", KIND_TEXT },
  { "interests", KIND_TEXT },
  { "interpreter_lang", KIND_TEXT },
  { "consent_version", KIND_NUMBER },
  { "consent_at", KIND_TIME },
  { "last_seen_at", KIND_TIME },
};

static const Column ticket_columns[] = {
  { "uuid", KIND_TEXT },
  { "label", KIND_TEXT },
  { "service_prefix", KIND_TEXT },
  { "service_name", KIND_TEXT },
  { "day", KIND_TEXT },
  { "number", KIND_NUMBER },
  { "lang", KIND_TEXT },
  { "interpreter_lang", KIND_TEXT },
  { "status", KIND_TEXT },
  { "created_at", KIND_TIME },
  { "called_at", KIND_TIME },
  { "finished_at", KIND_TIME },
  { "desk", KIND_NUMBER },
  { "wait_seconds", KIND_NUMBER },
  { "service_seconds", KIND_NUMBER },
  { "visitor_uuid", KIND_TEXT },
};

static const Column signup_columns[] = {
  { "uuid", KIND_TEXT },
  { "session_starts_at", KIND_TIME },
  { "activity_title", KIND_TEXT },
  { "status", KIND_TEXT },
  { "party_size", KIND_NUMBER },
  { "position", KIND_NUMBER },
  { "name", KIND_TEXT },
  { "phone", KIND_TEXT },
  { "visitor_uuid", KIND_TEXT },
  { "created_at", KIND_TIME },
  { "changed_at", KIND_TIME },
  /* Last, so that older readers' columns stay where they were; an import
   * finds the sign-up's session by it. */
  { "session_uuid", KIND_TEXT },
};

static const Column activity_columns[] = {
  { "activity_uuid", KIND_TEXT },
  { "category", KIND_TEXT },
  { "location", KIND_TEXT },
  { "capacity", KIND_NUMBER },
  { "session_uuid", KIND_TEXT },
  { "starts_at", KIND_TIME },
  { "ends_at", KIND_TIME },
  { "cancelled", KIND_NUMBER },
  { "title", KIND_TEXT },
};

static const Dataset datasets[] = {
  [LOTSEN_EXPORT_VISITORS] = {
    "visitors",
    "SELECT uuid, code, created_at, lang, given_name, family_name, birth_year, gender, phone, "
    "municipality, interests, interpreter_lang, consent_version, consent_at, last_seen_at "
    "FROM visitor WHERE " IN_RANGE ("created_at") " ORDER BY created_at, id",
    visitor_columns, G_N_ELEMENTS (visitor_columns),
  },
  [LOTSEN_EXPORT_TICKETS] = {
    "tickets",
    "SELECT t.uuid, t.label, s.prefix, "
    "(SELECT name FROM service_text WHERE service_id = s.id ORDER BY lang = 'sv' DESC, lang LIMIT 1), "
    "t.day, t.number, t.lang, t.interpreter_lang, t.status, t.created_at, t.called_at, "
    "t.finished_at, t.desk, t.called_at - t.created_at, t.finished_at - t.called_at, v.uuid "
    "FROM ticket t JOIN service s ON s.id = t.service_id "
    "LEFT JOIN visitor v ON v.id = t.visitor_id "
    "WHERE " IN_RANGE ("t.created_at") " ORDER BY t.created_at, t.id",
    ticket_columns, G_N_ELEMENTS (ticket_columns),
  },
  [LOTSEN_EXPORT_SIGNUPS] = {
    "signups",
    "SELECT g.uuid, se.starts_at, " SWEDISH_TITLE ("se.activity_id") ", g.status, g.party_size, "
    "g.position, g.name, g.phone, v.uuid, g.created_at, g.changed_at, se.uuid "
    "FROM signup g JOIN session se ON se.id = g.session_id "
    "LEFT JOIN visitor v ON v.id = g.visitor_id "
    "WHERE " IN_RANGE ("g.created_at") " ORDER BY g.created_at, g.id",
    signup_columns, G_N_ELEMENTS (signup_columns),
  },
  [LOTSEN_EXPORT_ACTIVITIES] = {
    "activities",
    "SELECT a.uuid, a.category, a.location, coalesce (se.capacity, a.capacity), se.uuid, "
    "se.starts_at, se.ends_at, se.cancelled, " SWEDISH_TITLE ("a.id") " "
    "FROM session se JOIN activity a ON a.id = se.activity_id "
    "WHERE " IN_RANGE ("se.starts_at") " ORDER BY se.starts_at, se.id",
    activity_columns, G_N_ELEMENTS (activity_columns),
  },
};

static const char * const format_names[] = {
  [LOTSEN_EXPORT_CSV]   = "csv",
  [LOTSEN_EXPORT_JSONL] = "jsonl",
  [LOTSEN_EXPORT_XLSX]  = "xlsx",
  [LOTSEN_EXPORT_ICS]   = "ics",
};

/* ';' between CSV fields, every row. */
static const LotsenExportOptions default_options = { ';', 0, 0 };

/**
 * lotsen_export_dataset_from_string:
 * @name: "visitors", "tickets", "signups" or "activities"
 * @dataset: (out): where to put the data set
 *
 * Returns: %TRUE when @name is a data set; otherwise %FALSE with
 *   %LOTSEN_STORE_ERROR_INVALID
 */
gboolean
lotsen_export_dataset_from_string (const char           *name,
                                   LotsenExportDataset  *dataset,
                                   GError              **error)
{
  g_return_val_if_fail (dataset != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    if (name != NULL && g_ascii_strcasecmp (name, datasets[i].name) == 0)
      {
        *dataset = i;
        return TRUE;
      }

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %s is what was asked for; the four words are
                * command words and stay in English. */
               _("“%s” is not something that can be exported. Choose visitors, tickets, signups or activities."),
               name ? name : "");
  return FALSE;
}

const char *
lotsen_export_dataset_to_string (LotsenExportDataset dataset)
{
  g_return_val_if_fail (dataset <= LOTSEN_EXPORT_ACTIVITIES, NULL);

  return datasets[dataset].name;
}

/**
 * lotsen_export_format_from_string:
 * @name: "csv", "jsonl" or "json" (the same as "jsonl"), "xlsx", "ics" or
 *   "ical" (the same as "ics")
 * @format: (out): where to put the format
 *
 * Returns: %TRUE when @name is a format; otherwise %FALSE with
 *   %LOTSEN_STORE_ERROR_INVALID
 */
gboolean
lotsen_export_format_from_string (const char          *name,
                                  LotsenExportFormat  *format,
                                  GError             **error)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name != NULL && g_ascii_strcasecmp (name, "csv") == 0)
    {
      *format = LOTSEN_EXPORT_CSV;
      return TRUE;
    }

  if (name != NULL && (g_ascii_strcasecmp (name, "jsonl") == 0 || g_ascii_strcasecmp (name, "json") == 0))
    {
      *format = LOTSEN_EXPORT_JSONL;
      return TRUE;
    }

  if (name != NULL && g_ascii_strcasecmp (name, "xlsx") == 0)
    {
      *format = LOTSEN_EXPORT_XLSX;
      return TRUE;
    }

  if (name != NULL && (g_ascii_strcasecmp (name, "ics") == 0 || g_ascii_strcasecmp (name, "ical") == 0))
    {
      *format = LOTSEN_EXPORT_ICS;
      return TRUE;
    }

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
               /* Translators: %s is what was asked for; csv, jsonl, xlsx and
                * ics stay as they are. */
               _("“%s” is not an export format. Choose csv, jsonl, xlsx or ics."),
               name ? name : "");
  return FALSE;
}

const char *
lotsen_export_format_to_string (LotsenExportFormat format)
{
  g_return_val_if_fail (format <= LOTSEN_EXPORT_ICS, NULL);

  return format_names[format];
}

/* One interval of the site's time zone: from @start to @end (unix
 * seconds, both included) the UTC offset is @offset, which ISO 8601
 * writes as @zone. */
typedef struct
{
  gint64 start;
  gint64 end;
  gint32 offset;
  guint  zone_length;
  char   zone[16];
} ZoneInterval;

/* What the rows of a CSV or JSONL export share, worked out once. */
typedef struct
{
  GTimeZone *timezone;
  GArray    *intervals;    /* ZoneInterval, sorted by start, disjoint */
  guint      last;         /* the interval that the last time fell in */
  GString   *prefix;       /* each row's start, up to its kiosk id */
  GString   *keys;         /* JSONL: ",\"name\":" of every column */
  gsize     *key_offsets;  /* JSONL: where each column's key starts in @keys, and the end */
  guint8     classes[256]; /* per byte: CELL_SPECIAL and CELL_CHECK */
} RowFormat;

/* The state of one export while its rows are written. */
typedef struct
{
  LotsenStore        *store;
  const Dataset      *dataset;
  LotsenExportFormat  format;
  char                separator;
  GOutputStream      *out;
  GString            *buffer;
  char               *stamp; /* iCalendar only: DTSTAMP, when the export was made */
  RowFormat          *rows;  /* CSV and JSONL only: what every row shares */
} Writer;

static gboolean
flush_buffer (Writer  *writer,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (writer->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, &local_error))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                   /* Translators: %s is the reason, e.g. "No space left on device". */
                   _("The export could not be written: %s"),
                   local_error->message);
      return FALSE;
    }

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

/* A CSV cell: quoted when it holds the separator, a quote or a line
 * break (quotes doubled); a cell that a spreadsheet would take for a
 * formula gets an apostrophe in front and is quoted as well. */
static void
append_csv_text (GString    *buffer,
                 char        separator,
                 guint       index,
                 const char *text,
                 gsize       length,
                 gboolean    neutralise)
{
  gboolean formula;
  gboolean quote;

  if (index > 0)
    g_string_append_c (buffer, separator);

  formula = neutralise && length > 0 &&
            memchr (FORMULA_STARTS, text[0], strlen (FORMULA_STARTS)) != NULL;
  quote = formula;
  for (gsize i = 0; i < length && !quote; i++)
    quote = text[i] == separator || text[i] == '"' || text[i] == '\r' || text[i] == '\n';

  if (quote)
    g_string_append_c (buffer, '"');
  if (formula)
    g_string_append_c (buffer, '\'');

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, text[i]);
    }

  if (quote)
    g_string_append_c (buffer, '"');
}

static void
append_csv_cell (Writer     *writer,
                 guint       index,
                 const char *text,
                 gsize       length,
                 gboolean    neutralise)
{
  append_csv_text (writer->buffer, writer->separator, index, text, length, neutralise);
}

/**
 * lotsen_export_append_csv_cell:
 * @buffer: the row so far
 * @separator: ';' or ','
 * @index: the cell's column; from 1 on, a separator goes before it
 * @text: valid UTF-8
 * @neutralise: %TRUE for text that anyone could have typed: when it
 *   starts like a formula, it gets an apostrophe in front
 *
 * Appends one CSV cell as every export writes it (RFC 4180 quoting).
 */
void
lotsen_export_append_csv_cell (GString    *buffer,
                               char        separator,
                               guint       index,
                               const char *text,
                               gboolean    neutralise)
{
  g_return_if_fail (buffer != NULL && text != NULL);

  append_csv_text (buffer, separator, index, text, strlen (text), neutralise);
}

/* A JSON string: '"', '\\' and control characters escaped, all other
 * UTF-8 as it is. */
static void
append_json_string (GString    *buffer,
                    const char *text,
                    gsize       length)
{
  g_string_append_c (buffer, '"');

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '"' || c == '\\')
        {
          g_string_append_c (buffer, '\\');
          g_string_append_c (buffer, c);
        }
      else if (c < 0x20)
        g_string_append_printf (buffer, "\\u%04x", c);
      else
        g_string_append_c (buffer, c);
    }

  g_string_append_c (buffer, '"');
}

/* In a JSON object whose first member is already written. */
static void
append_json_key (GString    *buffer,
                 const char *key)
{
  g_string_append_c (buffer, ',');
  append_json_string (buffer, key, strlen (key));
  g_string_append_c (buffer, ':');
}

/* One value of a row: @text is %NULL for SQL NULL; @is_number marks a
 * number the export wrote itself, which is never neutralised and is bare
 * in JSON.  Everything else is a string. */
static void
append_value (Writer     *writer,
              guint       index,
              const char *key,
              const char *text,
              gsize       length,
              gboolean    is_number)
{
  if (writer->format == LOTSEN_EXPORT_CSV)
    {
      append_csv_cell (writer, index, text ? text : "", text ? length : 0,
                       text != NULL && !is_number);
      return;
    }

  append_json_key (writer->buffer, key);
  if (text == NULL)
    g_string_append (writer->buffer, "null");
  else if (is_number)
    g_string_append_len (writer->buffer, text, length);
  else
    append_json_string (writer->buffer, text, length);
}

static void
append_column (Writer       *writer,
               sqlite3_stmt *stmt,
               int           column)
{
  const Column *info = &writer->dataset->columns[column];
  guint index = column + 1; /* the kiosk id comes first */
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    {
      append_value (writer, index, info->name, NULL, 0, FALSE);
      return;
    }

  if (type == SQLITE_INTEGER && info->kind != KIND_TEXT)
    {
      gint64 value = sqlite3_column_int64 (stmt, column);
      g_autofree char *text = NULL;

      if (info->kind == KIND_TIME && value >= MIN_TIME && value <= MAX_TIME)
        {
          text = lotsen_store_format_local (writer->store, value, ISO_8601);
          /* A time is not a formula, and in JSON it is a string. */
          if (writer->format == LOTSEN_EXPORT_CSV)
            append_csv_cell (writer, index, text, strlen (text), FALSE);
          else
            append_value (writer, index, info->name, text, strlen (text), FALSE);
          return;
        }

      text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      append_value (writer, index, info->name, text, strlen (text), TRUE);
      return;
    }

  /* Text, or anything unexpected in a number's place (data imported from
   * elsewhere): treated as text, the way that is safe for text. */
  {
    const char *text = (const char *) sqlite3_column_text (stmt, column);
    gsize length = sqlite3_column_bytes (stmt, column);
    g_autofree char *valid = NULL;

    if (text == NULL)
      text = "";

    /* Blobs, or text with a NUL inside: the file must stay UTF-8. */
    if (!g_utf8_validate_len (text, length, NULL))
      {
        valid = g_utf8_make_valid (text, length);
        text = valid;
        length = strlen (valid);
      }

    append_value (writer, index, info->name, text, length, FALSE);
  }
}

/* The fast row path of CSV and JSONL.  It writes exactly what
 * append_column() writes, only without a GDateTime, a printf or a GString
 * call per cell: times are formatted from the interval of the time zone
 * they fall in, which is looked up once and then cached. */

#define CELL_SPECIAL 1 /* CSV: quoted; JSON: escaped */
#define CELL_CHECK   2 /* not ASCII, or a NUL: the text must be validated */

#define TIME_TEXT_MAX 48 /* "YYYY-MM-DDTHH:MM:SS" and a zone */

/* Room for @n more bytes at the end of @buffer; the caller writes them
 * and calls buffer_commit(). */
static inline char *
buffer_reserve (GString *buffer,
                gsize    n)
{
  gsize length = buffer->len;

  if (length + n >= buffer->allocated_len)
    {
      g_string_set_size (buffer, length + n);
      buffer->len = length;
    }

  return buffer->str + length;
}

static inline void
buffer_commit (GString *buffer,
               char    *end)
{
  buffer->len = end - buffer->str;
  buffer->str[buffer->len] = '\0';
}

/* Decimal, as "%" G_GINT64_FORMAT writes it; at most 20 bytes. */
static inline char *
write_int64 (char   *p,
             gint64  value)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  char digits[20];
  guint n = 0;

  do
    {
      digits[n++] = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude != 0);

  if (value < 0)
    *p++ = '-';
  while (n > 0)
    *p++ = digits[--n];

  return p;
}

static inline char *
write_2_digits (char *p,
                int   value)
{
  *p++ = '0' + value / 10;
  *p++ = '0' + value % 10;
  return p;
}

/* The proleptic Gregorian date of @days since 1970-01-01 (H. Hinnant's
 * civil_from_days). */
static void
civil_from_days (gint64  days,
                 gint64 *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

/* The time zone's interval around @unix_seconds (in [MIN_TIME,
 * MAX_TIME]): the one GDateTime takes its offset from.  GLib's intervals
 * follow each other in time, so the interval's ends are found by
 * bisection.  %NULL when GDateTime cannot show the time there. */
static const ZoneInterval *
find_zone_interval (RowFormat *rows,
                    gint64     unix_seconds)
{
  GArray *intervals = rows->intervals;
  const ZoneInterval *found;
  ZoneInterval interval;
  guint low = 0, high = intervals->len;
  gint index;

  if (rows->last < intervals->len)
    {
      found = &g_array_index (intervals, ZoneInterval, rows->last);
      if (unix_seconds >= found->start && unix_seconds <= found->end)
        return found;
    }

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      found = &g_array_index (intervals, ZoneInterval, middle);
      if (unix_seconds < found->start)
        high = middle;
      else if (unix_seconds > found->end)
        low = middle + 1;
      else
        {
          rows->last = middle;
          return found;
        }
    }

  index = g_time_zone_find_interval (rows->timezone, G_TIME_TYPE_UNIVERSAL, unix_seconds);

  {
    gint64 first = MIN_TIME, last = unix_seconds;

    while (first < last)
      {
        gint64 middle = first + (last - first) / 2;

        if (g_time_zone_find_interval (rows->timezone, G_TIME_TYPE_UNIVERSAL, middle) == index)
          last = middle;
        else
          first = middle + 1;
      }
    interval.start = first;
  }

  {
    gint64 first = unix_seconds, last = MAX_TIME;

    while (first < last)
      {
        gint64 middle = last - (last - first) / 2;

        if (g_time_zone_find_interval (rows->timezone, G_TIME_TYPE_UNIVERSAL, middle) == index)
          first = middle;
        else
          last = middle - 1;
      }
    interval.end = last;
  }

  interval.offset = g_time_zone_get_offset (rows->timezone, index);

  /* The offset as GDateTime writes it. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
    g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, rows->timezone) : NULL;
    g_autofree char *zone = local ? g_date_time_format (local, "%:z") : NULL;

    if (zone == NULL || strlen (zone) >= sizeof interval.zone ||
        g_date_time_get_utc_offset (local) != (GTimeSpan) interval.offset * G_TIME_SPAN_SECOND)
      return NULL;

    interval.zone_length = strlen (zone);
    memcpy (interval.zone, zone, interval.zone_length);
  }

  g_array_insert_val (intervals, low, interval);
  rows->last = low;
  return &g_array_index (intervals, ZoneInterval, low);
}

/* @unix_seconds (in [MIN_TIME, MAX_TIME]) as the site's local time in
 * ISO 8601, as g_date_time_format() writes ISO_8601, into @p (room for
 * TIME_TEXT_MAX bytes).  Returns: the end of the text, or %NULL for a
 * year that ISO_8601 would not write with four digits. */
static char *
write_local_time (RowFormat *rows,
                  char      *p,
                  gint64     unix_seconds)
{
  const ZoneInterval *interval = find_zone_interval (rows, unix_seconds);
  gint64 local, days, year;
  int seconds, month, day;

  if (interval == NULL)
    return NULL;

  local = unix_seconds + interval->offset;
  days = local / 86400;
  seconds = (int) (local % 86400);
  if (seconds < 0)
    {
      seconds += 86400;
      days--;
    }

  civil_from_days (days, &year, &month, &day);
  if (year < 1000 || year > 9999)
    return NULL;

  p = write_2_digits (p, (int) (year / 100));
  p = write_2_digits (p, (int) (year % 100));
  *p++ = '-';
  p = write_2_digits (p, month);
  *p++ = '-';
  p = write_2_digits (p, day);
  *p++ = 'T';
  p = write_2_digits (p, seconds / 3600);
  *p++ = ':';
  p = write_2_digits (p, seconds / 60 % 60);
  *p++ = ':';
  p = write_2_digits (p, seconds % 60);
  memcpy (p, interval->zone, interval->zone_length);

  return p + interval->zone_length;
}

static RowFormat *
row_format_new (LotsenStore   *store,
                const Dataset *dataset,
                gboolean       csv,
                char           separator)
{
  RowFormat *rows = g_new0 (RowFormat, 1);
  const char *kiosk_id = lotsen_store_get_kiosk_id (store);

  rows->timezone = g_time_zone_ref (lotsen_store_get_timezone (store));
  rows->intervals = g_array_new (FALSE, FALSE, sizeof (ZoneInterval));
  rows->prefix = g_string_new (NULL);
  rows->keys = g_string_new (NULL);
  rows->key_offsets = g_new0 (gsize, dataset->n_columns + 1);

  /* As append_row() writes them. */
  if (csv)
    append_csv_text (rows->prefix, separator, 0, kiosk_id, strlen (kiosk_id), TRUE);
  else
    {
      g_string_append (rows->prefix, "{\"dataset\":");
      append_json_string (rows->prefix, dataset->name, strlen (dataset->name));
      append_json_key (rows->prefix, "kiosk_id");
      append_json_string (rows->prefix, kiosk_id, strlen (kiosk_id));

      for (guint i = 0; i < dataset->n_columns; i++)
        {
          rows->key_offsets[i] = rows->keys->len;
          append_json_key (rows->keys, dataset->columns[i].name);
        }
      rows->key_offsets[dataset->n_columns] = rows->keys->len;
    }

  for (guint c = 0; c < 256; c++)
    {
      if (c == 0 || c >= 0x80)
        rows->classes[c] |= CELL_CHECK;

      if (csv ? (c == (guchar) separator || c == '"' || c == '\r' || c == '\n')
              : (c == '"' || c == '\\' || c < 0x20))
        rows->classes[c] |= CELL_SPECIAL;
    }

  return rows;
}

static void
row_format_free (RowFormat *rows)
{
  g_time_zone_unref (rows->timezone);
  g_array_unref (rows->intervals);
  g_string_free (rows->prefix, TRUE);
  g_string_free (rows->keys, TRUE);
  g_free (rows->key_offsets);
  g_free (rows);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowFormat, row_format_free)

static inline guint
classify (const RowFormat *rows,
          const char      *text,
          gsize            length)
{
  guint classes = 0;

  for (gsize i = 0; i < length; i++)
    classes |= rows->classes[(guchar) text[i]];

  return classes;
}

/* A text cell, after its separator or key: as append_value() writes it. */
static void
append_fast_text (Writer     *writer,
                  const char *text,
                  gsize       length)
{
  RowFormat *rows = writer->rows;
  GString *buffer = writer->buffer;
  g_autofree char *valid = NULL;
  guint classes = classify (rows, text, length);
  char *p;

  /* Blobs, or text with a NUL inside: the file must stay UTF-8. */
  if ((classes & CELL_CHECK) && !g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
      classes = classify (rows, text, length);
    }

  if (writer->format == LOTSEN_EXPORT_CSV)
    {
      gboolean formula = length > 0 &&
                         memchr (FORMULA_STARTS, text[0], strlen (FORMULA_STARTS)) != NULL;

      if (formula || (classes & CELL_SPECIAL))
        {
          p = buffer_reserve (buffer, 2 * length + 3);
          *p++ = '"';
          if (formula)
            *p++ = '\'';
          for (gsize i = 0; i < length; i++)
            {
              if (text[i] == '"')
                *p++ = '"';
              *p++ = text[i];
            }
          *p++ = '"';
          buffer_commit (buffer, p);
          return;
        }
    }
  else if (classes & CELL_SPECIAL)
    {
      append_json_string (buffer, text, length);
      return;
    }

  p = buffer_reserve (buffer, length + 2);
  if (writer->format != LOTSEN_EXPORT_CSV)
    *p++ = '"';
  memcpy (p, text, length);
  p += length;
  if (writer->format != LOTSEN_EXPORT_CSV)
    *p++ = '"';
  buffer_commit (buffer, p);
}

/* One column of a CSV or JSONL row, as append_column() writes it. */
static void
append_fast_column (Writer       *writer,
                    sqlite3_stmt *stmt,
                    int           column)
{
  RowFormat *rows = writer->rows;
  GString *buffer = writer->buffer;
  const Column *info = &writer->dataset->columns[column];
  gboolean csv = writer->format == LOTSEN_EXPORT_CSV;
  int type = sqlite3_column_type (stmt, column);
  gsize key_length = 0;
  char *start, *p;

  if (!csv)
    key_length = rows->key_offsets[column + 1] - rows->key_offsets[column];

  /* The separator or the key, and room for a number, a time or null. */
  start = p = buffer_reserve (buffer, key_length + TIME_TEXT_MAX + 2);
  if (csv)
    *p++ = writer->separator;
  else
    {
      memcpy (p, rows->keys->str + rows->key_offsets[column], key_length);
      p += key_length;
    }

  if (type == SQLITE_NULL)
    {
      if (!csv)
        {
          memcpy (p, "null", 4);
          p += 4;
        }
      buffer_commit (buffer, p);
      return;
    }

  if (type == SQLITE_INTEGER && info->kind != KIND_TEXT)
    {
      gint64 value = sqlite3_column_int64 (stmt, column);

      if (info->kind == KIND_TIME && value >= MIN_TIME && value <= MAX_TIME)
        {
          char *end;

          /* A time is never quoted in CSV, and in JSON it is a string
           * with nothing to escape. */
          if (!csv)
            *p++ = '"';
          end = write_local_time (rows, p, value);
          if (end == NULL)
            {
              /* A time this path does not write: the general one. */
              buffer_commit (buffer, start);
              append_column (writer, stmt, column);
              return;
            }
          p = end;
          if (!csv)
            *p++ = '"';
          buffer_commit (buffer, p);
          return;
        }

      buffer_commit (buffer, write_int64 (p, value));
      return;
    }

  buffer_commit (buffer, p);

  {
    const char *text = (const char *) sqlite3_column_text (stmt, column);
    gsize length = sqlite3_column_bytes (stmt, column);

    append_fast_text (writer, text ? text : "", text ? length : 0);
  }
}

/* The index of the column called @name in @dataset. */
static int
find_column (const Dataset *dataset,
             const char    *name)
{
  for (guint i = 0; i < dataset->n_columns; i++)
    if (g_str_equal (dataset->columns[i].name, name))
      return (int) i;

  g_assert_not_reached ();
  return -1;
}

/* @column as valid UTF-8 (a NUL or a byte that is not UTF-8 becomes
 * U+FFFD), or %NULL for SQL NULL. */
static char *
column_utf8 (sqlite3_stmt *stmt,
             int           column)
{
  const char *text;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  text = (const char *) sqlite3_column_text (stmt, column);
  if (text == NULL)
    return g_strdup ("");

  return g_utf8_make_valid (text, sqlite3_column_bytes (stmt, column));
}

/* %TRUE when @column holds unix seconds that a calendar can show. */
static gboolean
column_time (sqlite3_stmt *stmt,
             int           column,
             gint64       *unix_seconds)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER)
    return FALSE;

  *unix_seconds = sqlite3_column_int64 (stmt, column);
  return *unix_seconds >= MIN_TIME && *unix_seconds <= MAX_TIME;
}

/* An iCalendar DATE-TIME in UTC: 20261125T090000Z. */
static char *
format_ics_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  g_assert (utc != NULL);
  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* An iCalendar TEXT value (RFC 5545 3.3.11): '\', ';' and ',' escaped,
 * a line break (CRLF, LF or CR) as "\n"; other control characters, which
 * TEXT cannot hold, become U+FFFD. */
static void
append_ics_text (GString    *line,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\\' || c == ';' || c == ',')
        {
          g_string_append_c (line, '\\');
          g_string_append_c (line, c);
        }
      else if (c == '\r' && p[1] == '\n')
        continue;
      else if (c == '\n' || c == '\r')
        g_string_append (line, "\\n");
      else if ((c < 0x20 && c != '\t') || c == 0x7F)
        g_string_append (line, REPLACEMENT);
      else
        g_string_append_c (line, c);
    }
}

/* One content line, folded (RFC 5545 3.1): at most 75 octets a line,
 * each continuation starting with a space, never inside a UTF-8
 * character. */
static void
append_ics_line (GString    *buffer,
                 const char *line,
                 gsize       length)
{
  gsize room = ICS_LINE_OCTETS;

  while (length > room)
    {
      gsize cut = room;

      /* Back to the first byte of a character. */
      while (((guchar) line[cut] & 0xC0) == 0x80)
        cut--;

      g_string_append_len (buffer, line, cut);
      g_string_append (buffer, "\r\n ");
      line += cut;
      length -= cut;
      room = ICS_LINE_OCTETS - 1; /* the space counts */
    }

  g_string_append_len (buffer, line, length);
  g_string_append (buffer, "\r\n");
}

static void
append_ics_property (GString    *buffer,
                     const char *name,
                     const char *value,
                     gboolean    is_text)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  if (is_text)
    append_ics_text (line, value);
  else
    g_string_append (line, value);

  append_ics_line (buffer, line->str, line->len);
}

static void
append_ics_header (GString *buffer)
{
  g_string_append (buffer,
                   "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//Lotsen//Lotsen kiosk//SV\r\n"
                   "CALSCALE:GREGORIAN\r\n"
                   "X-WR-CALNAME:Lotsen\r\n");
}

/* One session as a VEVENT, in UTC.  A session without a start time is
 * no event (RFC 5545 needs DTSTART) and is left out: returns %FALSE. */
static gboolean
append_ics_event (Writer       *writer,
                  sqlite3_stmt *stmt)
{
  const Dataset *dataset = writer->dataset;
  g_autofree char *uuid = column_utf8 (stmt, find_column (dataset, "session_uuid"));
  g_autofree char *title = column_utf8 (stmt, find_column (dataset, "title"));
  g_autofree char *location = column_utf8 (stmt, find_column (dataset, "location"));
  g_autofree char *uid = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 starts_at, ends_at;
  gboolean cancelled;

  if (uuid == NULL || !column_time (stmt, find_column (dataset, "starts_at"), &starts_at))
    return FALSE;

  uid = g_strconcat (uuid, "@lotsen", NULL);
  start = format_ics_time (starts_at);
  /* Without a later end, the event ends when it starts (RFC 5545 3.6.1). */
  if (column_time (stmt, find_column (dataset, "ends_at"), &ends_at) && ends_at > starts_at)
    end = format_ics_time (ends_at);
  cancelled = sqlite3_column_int64 (stmt, find_column (dataset, "cancelled")) != 0;

  g_string_append (writer->buffer, "BEGIN:VEVENT\r\n");
  append_ics_property (writer->buffer, "UID", uid, TRUE);
  append_ics_property (writer->buffer, "DTSTAMP", writer->stamp, FALSE);
  append_ics_property (writer->buffer, "DTSTART", start, FALSE);
  if (end != NULL)
    append_ics_property (writer->buffer, "DTEND", end, FALSE);
  if (title != NULL && *title != '\0')
    append_ics_property (writer->buffer, "SUMMARY", title, TRUE);
  if (location != NULL && *location != '\0')
    append_ics_property (writer->buffer, "LOCATION", location, TRUE);
  append_ics_property (writer->buffer, "STATUS", cancelled ? "CANCELLED" : "CONFIRMED", FALSE);
  g_string_append (writer->buffer, "END:VEVENT\r\n");

  return TRUE;
}

static void
append_header (Writer *writer)
{
  append_csv_cell (writer, 0, "kiosk_id", strlen ("kiosk_id"), FALSE);
  for (guint i = 0; i < writer->dataset->n_columns; i++)
    {
      const char *name = writer->dataset->columns[i].name;

      append_csv_cell (writer, i + 1, name, strlen (name), FALSE);
    }
  g_string_append (writer->buffer, "\r\n");
}

/* Returns: %TRUE when the row was written */
static gboolean
append_row (Writer       *writer,
            sqlite3_stmt *stmt)
{
  const char *kiosk_id = lotsen_store_get_kiosk_id (writer->store);

  if (writer->format == LOTSEN_EXPORT_ICS)
    return append_ics_event (writer, stmt);

  if (writer->rows != NULL)
    {
      RowFormat *rows = writer->rows;

      g_string_append_len (writer->buffer, rows->prefix->str, rows->prefix->len);
      for (guint i = 0; i < writer->dataset->n_columns; i++)
        append_fast_column (writer, stmt, i);

      if (writer->format == LOTSEN_EXPORT_JSONL)
        g_string_append_len (writer->buffer, "}\n", 2);
      else
        g_string_append_len (writer->buffer, "\r\n", 2);

      return TRUE;
    }

  if (writer->format == LOTSEN_EXPORT_JSONL)
    {
      g_string_append (writer->buffer, "{\"dataset\":");
      append_json_string (writer->buffer, writer->dataset->name, strlen (writer->dataset->name));
    }

  append_value (writer, 0, "kiosk_id", kiosk_id, strlen (kiosk_id), FALSE);

  for (guint i = 0; i < writer->dataset->n_columns; i++)
    append_column (writer, stmt, i);

  if (writer->format == LOTSEN_EXPORT_JSONL)
    g_string_append (writer->buffer, "}\n");
  else
    g_string_append (writer->buffer, "\r\n");

  return TRUE;
}

static gboolean
check_options (const LotsenExportOptions  *options,
               GError                    **error)
{
  if (options->separator != '\0' && options->separator != ';' && options->separator != ',')
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The separator between fields must be “;” or “,”."));
      return FALSE;
    }

  if (options->from != 0 && options->to != 0 && options->to < options->from)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           _("The end of the period comes before its start."));
      return FALSE;
    }

  return TRUE;
}

/* What lotsen_export_write() can write: not a workbook, which
 * libxlsxwriter writes to a file only, and a calendar of activities. */
static gboolean
check_stream_format (LotsenExportDataset   dataset,
                     LotsenExportFormat    format,
                     GError              **error)
{
  if (format == LOTSEN_EXPORT_XLSX)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           /* Translators: xlsx stays as it is. */
                           _("An xlsx workbook can only be written to a file."));
      return FALSE;
    }

  if (format == LOTSEN_EXPORT_ICS && dataset != LOTSEN_EXPORT_ACTIVITIES)
    {
      g_set_error_literal (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_INVALID,
                           /* Translators: activities and ics are command words and stay in English. */
                           _("Only activities can be exported as a calendar (ics)."));
      return FALSE;
    }

  return TRUE;
}

/* The one row source of every format: @dataset's rows whose main time
 * lies in the period of @options. */
static sqlite3_stmt *
prepare_rows (LotsenStore                *store,
              LotsenExportDataset         dataset,
              const LotsenExportOptions  *options,
              GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (store, datasets[dataset].sql, error);

  if (stmt == NULL)
    return NULL;

  g_assert ((guint) sqlite3_column_count (stmt) == datasets[dataset].n_columns);

  if (options->from != 0)
    sqlite3_bind_int64 (stmt, 1, options->from);
  if (options->to != 0)
    sqlite3_bind_int64 (stmt, 2, options->to);

  return g_steal_pointer (&stmt);
}

/**
 * lotsen_export_write:
 * @options: (nullable): the separator and the period; %NULL for the defaults
 * @out: where to write; it is flushed, not closed
 * @n_rows: (out) (optional): the number of rows written, not counting a
 *   CSV header
 *
 * Writes @dataset as @format to @out, row by row.  Every row carries the
 * kiosk's id; times are the site's local time in ISO 8601 with the UTC
 * offset.  With a period, only rows whose main time (created_at, or
 * starts_at for activities) lies in [from, to) are written.
 *
 * %LOTSEN_EXPORT_ICS writes one VEVENT per session of
 * %LOTSEN_EXPORT_ACTIVITIES, its times in UTC; any other data set is
 * %LOTSEN_STORE_ERROR_INVALID.  %LOTSEN_EXPORT_XLSX cannot be written to
 * a stream (use lotsen_export_to_file()) and is
 * %LOTSEN_STORE_ERROR_INVALID here.
 *
 * Returns: %TRUE on success; on error @out may hold part of the export
 */
gboolean
lotsen_export_write (LotsenStore                *store,
                     LotsenExportDataset         dataset,
                     LotsenExportFormat          format,
                     const LotsenExportOptions  *options,
                     GOutputStream              *out,
                     guint64                    *n_rows,
                     GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(RowFormat) rows_format = NULL;
  Writer writer;
  guint64 rows = 0;
  int rc;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset <= LOTSEN_EXPORT_ACTIVITIES, FALSE);
  g_return_val_if_fail (format <= LOTSEN_EXPORT_ICS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;

  if (options == NULL)
    options = &default_options;

  if (!check_options (options, error) || !check_stream_format (dataset, format, error))
    return FALSE;

  stmt = prepare_rows (store, dataset, options, error);
  if (stmt == NULL)
    return FALSE;

  if (format == LOTSEN_EXPORT_ICS)
    stamp = format_ics_time (lotsen_store_now (store));

  buffer = g_string_sized_new (FLUSH_BYTES);
  writer = (Writer) {
    .store = store,
    .dataset = &datasets[dataset],
    .format = format,
    .separator = options->separator != '\0' ? options->separator : ';',
    .out = out,
    .buffer = buffer,
    .stamp = stamp,
  };

  if (format == LOTSEN_EXPORT_CSV || format == LOTSEN_EXPORT_JSONL)
    writer.rows = rows_format = row_format_new (store, writer.dataset, format == LOTSEN_EXPORT_CSV,
                                                writer.separator);

  if (format == LOTSEN_EXPORT_CSV)
    {
      g_string_append (buffer, CSV_BOM);
      append_header (&writer);
    }
  else if (format == LOTSEN_EXPORT_ICS)
    append_ics_header (buffer);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (append_row (&writer, stmt))
        rows++;

      if (buffer->len >= FLUSH_BYTES && !flush_buffer (&writer, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (store, error);
      return FALSE;
    }

  if (format == LOTSEN_EXPORT_ICS)
    g_string_append (buffer, "END:VCALENDAR\r\n");

  if (!flush_buffer (&writer, error))
    return FALSE;

  if (!g_output_stream_flush (out, NULL, &local_error))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                   _("The export could not be written: %s"),
                   local_error->message);
      return FALSE;
    }

  if (n_rows != NULL)
    *n_rows = rows;

  return TRUE;
}

static void
set_file_error (GError     **error,
                int          code,
                const char  *path,
                int          saved_errno)
{
  g_set_error (error, LOTSEN_STORE_ERROR, code,
               /* Translators: %s is a file name, then the reason. */
               _("The export file %s cannot be written: %s"),
               path, g_strerror (saved_errno));
}

/* Makes a rename in @dir survive a power cut.  Not every file system can
 * sync a folder; the file itself is synced already. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;

  if (fsync (fd) != 0)
    g_debug ("Cannot sync the folder %s: %s", dir, g_strerror (errno));

  close (fd);
}

/* A workbook while its sheets are written. */
typedef struct
{
  LotsenStore  *store;
  lxw_workbook *workbook;
  lxw_format   *bold;
  lxw_format   *date_time;
} Workbook;

/**
 * lotsen_export_xlsx_new:
 * @path: the workbook's file
 *
 * A workbook in libxlsxwriter's constant-memory mode: each row goes to a
 * temporary file as soon as the next one begins, so a sheet of a million
 * rows needs no more memory than a sheet of one.  Rows must therefore be
 * written in order, each from left to right, and text cells are written
 * inline rather than as shared strings.  The temporary files go into
 * @path's folder, which has room for the workbook anyway (the system's
 * temporary folder may be in memory).
 *
 * Returns: (transfer full) (nullable): the workbook, closed (and freed)
 *   with workbook_close (); %NULL when it could not be made
 */
lxw_workbook *
lotsen_export_xlsx_new (const char *path)
{
  g_autofree char *folder = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };

  g_return_val_if_fail (path != NULL, NULL);

  folder = g_path_get_dirname (path);
  options.tmpdir = folder; /* copied */
  return workbook_new_opt (path, &options);
}

/**
 * lotsen_export_xlsx_check:
 * @result: what a libxlsxwriter call returned (an lxw_error)
 *
 * Returns: %TRUE for LXW_NO_ERROR; else %FALSE with @error set
 */
gboolean
lotsen_export_xlsx_check (int      result,
                          GError **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
               _("The export could not be written: %s"),
               lxw_strerror ((lxw_error) result));
  return FALSE;
}

/* Excel reads "_x0041_" in a cell as "A"; such a text stays literal when
 * its '_' is written as "_x005F_". */
static gboolean
is_xlsx_escape (const char *p)
{
  if (p[0] != '_' || p[1] != 'x')
    return FALSE;

  for (int i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;

  return p[6] == '_';
}

/* Valid UTF-8 @text as a cell holds it: characters XML 1.0 cannot carry
 * become U+FFFD (libxlsxwriter writes the CR that XML can), and the text
 * ends at Excel's limit of 32767 UTF-16 code units. */
static char *
make_cell_text (const char *text)
{
  GString *cell = g_string_sized_new (strlen (text));
  guint units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint width = c >= 0x10000 ? 2 : 1;

      if (units + width > XLSX_MAX_UNITS)
        break;
      units += width;

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append (cell, REPLACEMENT);
      else if (is_xlsx_escape (p))
        g_string_append (cell, "_x005F_");
      else
        g_string_append_len (cell, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (cell, FALSE);
}

/**
 * lotsen_export_xlsx_cell_text:
 * @text: valid UTF-8
 *
 * Returns: (transfer full): @text as an XLSX string cell must hold it
 *   (characters XML cannot carry replaced, Excel's escapes kept literal,
 *   at most Excel's longest cell)
 */
char *
lotsen_export_xlsx_cell_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return make_cell_text (text);
}

/* A string cell: never a formula, whatever it starts with.  @width, when
 * not %NULL, grows to the text's length. */
static gboolean
write_xlsx_text (lxw_worksheet  *sheet,
                 lxw_row_t       row,
                 lxw_col_t       col,
                 const char     *text,
                 lxw_format     *format,
                 guint          *width,
                 GError        **error)
{
  g_autofree char *cell = make_cell_text (text);

  if (width != NULL)
    *width = MAX (*width, (guint) g_utf8_strlen (cell, -1));

  return lotsen_export_xlsx_check (worksheet_write_string (sheet, row, col, cell, format), error);
}

static gboolean
write_xlsx_column (Workbook       *book,
                   lxw_worksheet  *sheet,
                   const Dataset  *dataset,
                   sqlite3_stmt   *stmt,
                   lxw_row_t       row,
                   int             column,
                   guint          *width,
                   GError        **error)
{
  const Column *info = &dataset->columns[column];
  lxw_col_t col = column + 1; /* the kiosk id comes first */
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    return TRUE;

  if (type == SQLITE_INTEGER && info->kind != KIND_TEXT)
    {
      gint64 value = sqlite3_column_int64 (stmt, column);
      g_autofree char *digits = NULL;

      if (info->kind == KIND_TIME && value >= MIN_TIME && value <= MAX_TIME)
        {
          g_autoptr(GDateTime) local = lotsen_store_to_local (book->store, value);
          g_autofree char *text = NULL;

          if (g_date_time_get_year (local) >= 1900)
            {
              lxw_datetime when = {
                .year = g_date_time_get_year (local),
                .month = g_date_time_get_month (local),
                .day = g_date_time_get_day_of_month (local),
                .hour = g_date_time_get_hour (local),
                .min = g_date_time_get_minute (local),
                .sec = g_date_time_get_second (local),
              };

              if (width != NULL)
                *width = MAX (*width, XLSX_TIME_WIDTH);
              return lotsen_export_xlsx_check (worksheet_write_datetime (sheet, row, col, &when, book->date_time),
                                               error);
            }

          /* Before Excel's calendar begins: as text, as in CSV. */
          text = g_date_time_format (local, ISO_8601);
          return write_xlsx_text (sheet, row, col, text, NULL, width, error);
        }

      digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      if (width != NULL)
        *width = MAX (*width, (guint) strlen (digits));
      return lotsen_export_xlsx_check (worksheet_write_number (sheet, row, col, (double) value, NULL), error);
    }

  /* Text, or anything unexpected in a number's place: a string. */
  {
    g_autofree char *text = column_utf8 (stmt, column);

    return write_xlsx_text (sheet, row, col, text, NULL, width, error);
  }
}

/* One data set as a sheet of its name: a bold, frozen header with an
 * autofilter, then a row per row of the data set. */
static gboolean
write_sheet (Workbook                   *book,
             LotsenExportDataset         dataset,
             const LotsenExportOptions  *options,
             guint64                    *n_rows,
             GError                    **error)
{
  const Dataset *info = &datasets[dataset];
  const char *kiosk_id = lotsen_store_get_kiosk_id (book->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint *widths = g_new0 (guint, info->n_columns + 1);
  lxw_worksheet *sheet;
  lxw_row_t row = 0;
  int rc;

  stmt = prepare_rows (book->store, dataset, options, error);
  if (stmt == NULL)
    return FALSE;

  /* The names are distinct and short; only memory can run out. */
  sheet = workbook_add_worksheet (book->workbook, info->name);
  if (sheet == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  if (!write_xlsx_text (sheet, 0, 0, "kiosk_id", book->bold, &widths[0], error))
    return FALSE;
  for (guint i = 0; i < info->n_columns; i++)
    if (!write_xlsx_text (sheet, 0, i + 1, info->columns[i].name, book->bold, &widths[i + 1], error))
      return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean sample = row < XLSX_SAMPLE_ROWS;

      /* Past Excel's last row, libxlsxwriter fails and so does the export. */
      row++;
      if (!write_xlsx_text (sheet, row, 0, kiosk_id, NULL, sample ? &widths[0] : NULL, error))
        return FALSE;

      for (guint i = 0; i < info->n_columns; i++)
        if (!write_xlsx_column (book, sheet, info, stmt, row, i, sample ? &widths[i + 1] : NULL, error))
          return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      lotsen_store_set_error (book->store, error);
      return FALSE;
    }

  for (guint i = 0; i <= info->n_columns; i++)
    if (!lotsen_export_xlsx_check (worksheet_set_column (sheet, i, i, MIN (widths[i] + 2, XLSX_MAX_WIDTH), NULL),
                                   error))
      return FALSE;

  worksheet_freeze_panes (sheet, 1, 0);
  if (!lotsen_export_xlsx_check (worksheet_autofilter (sheet, 0, 0, row, info->n_columns), error))
    return FALSE;

  *n_rows += row;
  return TRUE;
}

/* @sets as one workbook at @path, a sheet each. */
static gboolean
write_workbook (LotsenStore                *store,
                const LotsenExportDataset  *sets,
                guint                       n_sets,
                const LotsenExportOptions  *options,
                const char                 *path,
                guint64                    *n_rows,
                GError                    **error)
{
  Workbook book = { .store = store };
  gboolean written = TRUE;
  lxw_error result;

  book.workbook = lotsen_export_xlsx_new (path);
  if (book.workbook == NULL)
    return lotsen_export_xlsx_check (LXW_ERROR_MEMORY_MALLOC_FAILED, error);

  book.bold = workbook_add_format (book.workbook);
  format_set_bold (book.bold);
  book.date_time = workbook_add_format (book.workbook);
  format_set_num_format (book.date_time, XLSX_DATE_TIME);

  for (guint i = 0; i < n_sets && written; i++)
    written = write_sheet (&book, sets[i], options, n_rows, error);

  /* Closing writes the file and frees the workbook, after an error too
   * (the caller then removes the file). */
  result = workbook_close (book.workbook);

  return written && lotsen_export_xlsx_check (result, error);
}

/**
 * lotsen_export_replace_file:
 * @path: the file to write; an existing file is replaced
 * @write: writes the file, to its stream or (for a library that writes
 *   by name) to its temporary path, and appends the audit record's detail
 * @user_data: for @write
 *
 * The common path of every file an export writes: a temporary file beside
 * @path (readable by its owner only), synced to disk, then renamed to
 * @path and recorded in the audit table as "export" in one transaction.
 * On any error there is no new file and an old file at @path is left as
 * it was.
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_export_replace_file (LotsenStore           *store,
                            const char            *path,
                            LotsenExportFileFunc   write,
                            gpointer               user_data,
                            GError               **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GString) detail = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (target);
  {
    g_autofree char *base = g_path_get_basename (target);

    temp_name = g_strconcat (".", base, ".XXXXXX", NULL);
  }
  temp_path = g_build_filename (dir, temp_name, NULL);

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_file_error (error, LOTSEN_STORE_ERROR_OPEN, target, errno);
      return FALSE;
    }

  out = g_unix_output_stream_new (fd, TRUE);
  detail = g_string_new (NULL);

  if (!write (out, temp_path, target, detail, user_data, error))
    goto fail;

  /* A writer by name wrote beside @fd; @fd still syncs the file. */
  if (fsync (fd) != 0)
    {
      set_file_error (error, LOTSEN_STORE_ERROR_FAILED, target, errno);
      goto fail;
    }

  if (!g_output_stream_close (out, NULL, &local_error))
    {
      g_set_error (error, LOTSEN_STORE_ERROR, LOTSEN_STORE_ERROR_FAILED,
                   _("The export file %s cannot be written: %s"),
                   target, local_error->message);
      goto fail;
    }

  /* The record and the file appear together, or neither does. */
  if (!lotsen_store_begin (store, error))
    goto fail;

  if (!lotsen_store_audit (store, "export", detail->str, error))
    {
      lotsen_store_rollback (store);
      goto fail;
    }

  if (g_rename (temp_path, target) != 0)
    {
      set_file_error (error, LOTSEN_STORE_ERROR_FAILED, target, errno);
      lotsen_store_rollback (store);
      goto fail;
    }

  sync_folder (dir);

  if (!lotsen_store_commit (store, error))
    {
      /* An export nobody can account for must not stay behind. */
      g_unlink (target);
      return FALSE;
    }

  return TRUE;

fail:
  g_output_stream_close (out, NULL, NULL);
  g_unlink (temp_path);
  return FALSE;
}

/* What export_file() hands to write_export_file(). */
typedef struct
{
  LotsenStore                *store;
  const LotsenExportDataset  *sets;
  guint                       n_sets;
  LotsenExportFormat          format;
  const LotsenExportOptions  *options;
  guint64                     rows;
} ExportJob;

static gboolean
write_export_file (GOutputStream  *out,
                   const char     *temp_path,
                   const char     *target,
                   GString        *detail,
                   gpointer        user_data,
                   GError        **error)
{
  ExportJob *job = user_data;

  /* libxlsxwriter writes by the file's name. */
  if (job->format == LOTSEN_EXPORT_XLSX)
    {
      if (!check_options (job->options, error) ||
          !write_workbook (job->store, job->sets, job->n_sets, job->options, temp_path,
                           &job->rows, error))
        return FALSE;
    }
  else if (!lotsen_export_write (job->store, job->sets[0], job->format, job->options, out,
                                 &job->rows, error))
    return FALSE;

  for (guint i = 0; i < job->n_sets; i++)
    g_string_append_printf (detail, "%s%s", i > 0 ? "," : "", datasets[job->sets[i]].name);
  g_string_append_printf (detail, " %s %s rows=%" G_GUINT64_FORMAT,
                          format_names[job->format], target, job->rows);
  if (job->options->from != 0)
    g_string_append_printf (detail, " from=%" G_GINT64_FORMAT, job->options->from);
  if (job->options->to != 0)
    g_string_append_printf (detail, " to=%" G_GINT64_FORMAT, job->options->to);

  return TRUE;
}

/* The data set exports' files. */
static gboolean
export_file (LotsenStore                *store,
             const LotsenExportDataset  *sets,
             guint                       n_sets,
             LotsenExportFormat          format,
             const LotsenExportOptions  *options,
             const char                 *path,
             guint64                    *n_rows,
             GError                    **error)
{
  ExportJob job = {
    .store = store,
    .sets = sets,
    .n_sets = n_sets,
    .format = format,
    .options = options != NULL ? options : &default_options,
  };

  g_assert (n_sets == 1 || format == LOTSEN_EXPORT_XLSX);

  if (n_rows != NULL)
    *n_rows = 0;

  if (!lotsen_export_replace_file (store, path, write_export_file, &job, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = job.rows;

  return TRUE;
}

/**
 * lotsen_export_to_file:
 * @path: the file to write; an existing file is replaced
 * @n_rows: (out) (optional): the number of rows written
 *
 * Like lotsen_export_write(), into a new file: the export is written to a
 * temporary file beside @path (readable by its owner only), synced to
 * disk, then renamed to @path and recorded in the audit table in one
 * transaction.  On any error there is no new file and an old file at
 * @path is left as it was.
 *
 * %LOTSEN_EXPORT_XLSX writes a workbook with one sheet, named after
 * @dataset; see lotsen_export_workbook_to_file().
 */
gboolean
lotsen_export_to_file (LotsenStore                *store,
                       LotsenExportDataset         dataset,
                       LotsenExportFormat          format,
                       const LotsenExportOptions  *options,
                       const char                 *path,
                       guint64                    *n_rows,
                       GError                    **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (dataset <= LOTSEN_EXPORT_ACTIVITIES, FALSE);
  g_return_val_if_fail (format <= LOTSEN_EXPORT_ICS, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_file (store, &dataset, 1, format, options, path, n_rows, error);
}

/**
 * lotsen_export_workbook_to_file:
 * @sets: (array length=n_sets): the data sets, each at most once, in the
 *   order of their sheets
 * @n_sets: how many; at least one
 * @options: (nullable): the period (the separator is only checked); %NULL
 *   for every row
 * @path: the file to write; an existing file is replaced
 * @n_rows: (out) (optional): the number of rows written, over all sheets,
 *   not counting the headers
 *
 * Writes @sets into one XLSX workbook, a sheet per data set named after
 * it: a bold header row that stays in view and has an autofilter, text as
 * strings (never formulas), numbers as numbers, times as the site's local
 * date and time.  The file is written, synced, renamed and audited as by
 * lotsen_export_to_file().
 *
 * Returns: %TRUE on success
 */
gboolean
lotsen_export_workbook_to_file (LotsenStore                *store,
                                const LotsenExportDataset  *sets,
                                guint                       n_sets,
                                const LotsenExportOptions  *options,
                                const char                 *path,
                                guint64                    *n_rows,
                                GError                    **error)
{
  guint seen = 0;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (sets != NULL && n_sets > 0, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_sets; i++)
    {
      g_return_val_if_fail (sets[i] <= LOTSEN_EXPORT_ACTIVITIES, FALSE);
      /* Two sheets cannot have one name. */
      g_return_val_if_fail ((seen & (1u << sets[i])) == 0, FALSE);
      seen |= 1u << sets[i];
    }

  return export_file (store, sets, n_sets, LOTSEN_EXPORT_XLSX, options, path, n_rows, error);
}
