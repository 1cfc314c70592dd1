/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-row-writer.c — the rows of a CSV or JSONL export.
 *
 * CSV is for spreadsheets (Swedish Excel wants ';' and a BOM) and treats
 * every text cell as hostile (lotsen-csv.c).  JSONL is for programs and
 * keeps every value exactly.  Every row starts with the kiosk's id; times
 * are the site's local time in ISO 8601 with the UTC offset.
 */

#define G_LOG_DOMAIN "lotsen-export"

#include "config.h"

#include <string.h>

#include "lotsen-csv.h"
#include "lotsen-export-private.h"
#include "lotsen-row-writer.h"

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

/* One export's CSV or JSONL rows, as they are written. */
struct _LotsenRowWriter
{
  LotsenStore         *store;
  const LotsenDataset *dataset;
  LotsenExportFormat   format;
  char                 separator;
  GString             *buffer;
  RowFormat           *rows;
};

static void
append_csv_cell (LotsenRowWriter *writer,
                 guint            index,
                 const char      *text,
                 gsize            length,
                 gboolean         neutralise)
{
  lotsen_csv_append_text (writer->buffer, writer->separator, index, text, length, neutralise);
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
append_value (LotsenRowWriter *writer,
              guint            index,
              const char      *key,
              const char      *text,
              gsize            length,
              gboolean         is_number)
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
append_column (LotsenRowWriter *writer,
               sqlite3_stmt    *stmt,
               int              column)
{
  const LotsenColumn *info = &writer->dataset->columns[column];
  guint index = column + 1; /* the kiosk id comes first */
  int type = sqlite3_column_type (stmt, column);

  if (type == SQLITE_NULL)
    {
      append_value (writer, index, info->key, NULL, 0, FALSE);
      return;
    }

  if (type == SQLITE_INTEGER && info->kind != LOTSEN_COLUMN_KIND_TEXT)
    {
      gint64 value = sqlite3_column_int64 (stmt, column);
      g_autofree char *text = NULL;

      if (info->kind == LOTSEN_COLUMN_KIND_TIME && value >= MIN_TIME && value <= MAX_TIME)
        {
          text = lotsen_store_format_local (writer->store, value, ISO_8601);
          /* A time is not a formula, and in JSON it is a string. */
          if (writer->format == LOTSEN_EXPORT_CSV)
            append_csv_cell (writer, index, text, strlen (text), FALSE);
          else
            append_value (writer, index, info->key, text, strlen (text), FALSE);
          return;
        }

      text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      append_value (writer, index, info->key, text, strlen (text), TRUE);
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

    append_value (writer, index, info->key, text, length, FALSE);
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
row_format_new (LotsenStore         *store,
                const LotsenDataset *dataset,
                gboolean             csv,
                char                 separator)
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
    lotsen_csv_append_text (rows->prefix, separator, 0, kiosk_id, strlen (kiosk_id), TRUE);
  else
    {
      g_string_append (rows->prefix, "{\"dataset\":");
      append_json_string (rows->prefix, dataset->name, strlen (dataset->name));
      append_json_key (rows->prefix, "kiosk_id");
      append_json_string (rows->prefix, kiosk_id, strlen (kiosk_id));

      for (guint i = 0; i < dataset->n_columns; i++)
        {
          rows->key_offsets[i] = rows->keys->len;
          append_json_key (rows->keys, dataset->columns[i].key);
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
append_fast_text (LotsenRowWriter *writer,
                  const char      *text,
                  gsize            length)
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
      gboolean formula = lotsen_csv_starts_formula (text, length);

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
append_fast_column (LotsenRowWriter *writer,
                    sqlite3_stmt    *stmt,
                    int              column)
{
  RowFormat *rows = writer->rows;
  GString *buffer = writer->buffer;
  const LotsenColumn *info = &writer->dataset->columns[column];
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

  if (type == SQLITE_INTEGER && info->kind != LOTSEN_COLUMN_KIND_TEXT)
    {
      gint64 value = sqlite3_column_int64 (stmt, column);

      if (info->kind == LOTSEN_COLUMN_KIND_TIME && value >= MIN_TIME && value <= MAX_TIME)
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

/**
 * lotsen_row_writer_new:
 * @format: %LOTSEN_EXPORT_CSV or %LOTSEN_EXPORT_JSONL
 * @separator: CSV only: ';' or ','
 * @buffer: where the rows go; the caller writes it out and empties it
 *
 * Returns: (transfer full): a writer of @dataset's rows
 */
LotsenRowWriter *
lotsen_row_writer_new (LotsenStore         *store,
                       const LotsenDataset *dataset,
                       LotsenExportFormat   format,
                       char                 separator,
                       GString             *buffer)
{
  LotsenRowWriter *writer = g_new0 (LotsenRowWriter, 1);

  g_assert (format == LOTSEN_EXPORT_CSV || format == LOTSEN_EXPORT_JSONL);

  writer->store = store;
  writer->dataset = dataset;
  writer->format = format;
  writer->separator = separator;
  writer->buffer = buffer;
  writer->rows = row_format_new (store, dataset, format == LOTSEN_EXPORT_CSV, separator);

  return writer;
}

void
lotsen_row_writer_free (LotsenRowWriter *writer)
{
  if (writer == NULL)
    return;

  row_format_free (writer->rows);
  g_free (writer);
}

/* One row of @stmt, with the kiosk's id first and a line end after. */
void
lotsen_row_writer_append (LotsenRowWriter *writer,
                          sqlite3_stmt    *stmt)
{
  RowFormat *rows = writer->rows;

  g_string_append_len (writer->buffer, rows->prefix->str, rows->prefix->len);
  for (guint i = 0; i < writer->dataset->n_columns; i++)
    append_fast_column (writer, stmt, i);

  if (writer->format == LOTSEN_EXPORT_JSONL)
    g_string_append_len (writer->buffer, "}\n", 2);
  else
    g_string_append_len (writer->buffer, "\r\n", 2);
}
