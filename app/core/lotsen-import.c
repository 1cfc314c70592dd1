/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-import.c — another kiosk's JSONL export merged into this one.
 *
 * Every line is one flat JSON object that names its data set; the four
 * data sets may come in one file, in any order.  Rows are matched by
 * uuid, so importing a file twice changes nothing:
 *
 *  - visitors, tickets and activities' sessions are only ever added; a row
 *    whose uuid is here already is left as it is (they have no changed_at
 *    to tell which copy is newer);
 *  - a sign-up that is here already is updated when the incoming one has a
 *    later changed_at (its status, place, party and contact), else left.
 *
 * References: a ticket's service by its one-letter prefix (a prefix this
 * kiosk does not have skips the line: services are set up by staff, not
 * invented by an import); a sign-up's session, and a ticket's or sign-up's
 * visitor, by uuid.  A line whose session or visitor is neither here nor
 * read yet waits until the whole file is read, so no order is required
 * (the export's order needs no waiting).  Then a sign-up whose session is
 * still unknown is skipped; a visitor still unknown is left out of the row
 * (as after the visitor was erased on the other kiosk).
 *
 * Conflicts with this kiosk's own rows: a visitor code in use here is not
 * taken over (the visitor is added without one, counted in the report); a
 * ticket whose number or label that day is taken gets the service's next
 * number that day and the label that goes with it; a sign-up that takes
 * seats its session no longer has here goes on the waiting list (both
 * noted in the report with the line's number); a session at the same
 * start as another of the same activity skips the line.  An activity new here is added
 * inactive, with the title under "sv" (the export's Swedish, or only,
 * title) and a generic pictogram: staff decide whether it runs here.
 *
 * What a visitor typed passes the kiosk's own field rules
 * (lotsen-visitor-fields.c) and is stored in their cleaned form: names,
 * phone numbers, languages, interests and codes of visitors, names and
 * phone numbers of sign-ups; a municipality not in this kiosk's list
 * must at least be written as a name is.
 *
 * A line that is not a JSON object, lacks a uuid, has a value of the wrong
 * type, breaks a field rule, names an unknown data set, or that the
 * database refuses (a CHECK), is reported with its number and skipped;
 * the others are applied each inside its own savepoint, so a line is
 * applied whole or not at all.
 *
 * The lines are committed in batches of at most %BATCH_LINES lines or
 * %BATCH_USEC of work, so that the kiosk, which writes a ticket in its
 * own transaction, never waits long for a long import.  A failure (the
 * file cannot be read, the database fails) ends the import: the batches
 * committed before it stay, and importing the file again completes it, as
 * rows already here are matched by uuid.  The audit row comes with the
 * last batch, or says that the import stopped.
 *
 * This file reads the lines and keeps the report; each data set's line
 * becomes rows in lotsen-import-rows.c.
 */

#define G_LOG_DOMAIN "lotsen-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lotsen-dataset.h"
#include "lotsen-import-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* A line of an export is a few hundred bytes; a longer one than this is
 * refused without being read whole. */
#define MAX_LINE_BYTES  (64 * 1024)
/* Past this in one line, or a NUL byte in an overlong line, the file is
 * no text at all (/dev/zero): the import stops instead of reading on. */
#define MAX_SKIP_BYTES  (G_GUINT64_CONSTANT (256) * 1024 * 1024)
#define READ_BYTES      (64 * 1024)

/* A batch ends after this many lines or this much time, whichever first;
 * then the lock is left free a moment for a connection that waits. */
#define BATCH_LINES     500
#define BATCH_USEC      (25 * 1000)
#define BATCH_GAP_USEC  (2 * 1000)

G_DEFINE_QUARK (lotsen-import-error-quark, lotsen_import_error)

/* Whether @line (valid UTF-8) can be a flat JSON object, before it is
 * parsed: no array and no object inside it, and no "\u0000" in a string
 * (text in the database never holds a NUL).  This also keeps a line of
 * deeply nested brackets away from the parser, which would recurse once
 * per bracket. */
static gboolean
is_flat (const char *line,
         gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\')
            {
              if (i + 5 < length && memcmp (line + i + 1, "u0000", 5) == 0)
                return FALSE;
              i++;
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || (c == '{' && ++depth > 1))
        return FALSE;
    }

  return TRUE;
}

static void
count_member (JsonParser *parser,
              JsonObject *object,
              const char *name,
              gpointer    user_data)
{
  guint *n_members = user_data;

  (*n_members)++;
}

/* One line as a JSON object whose values are strings, numbers, true,
 * false or null, or %NULL when it is not one (a name twice counts as
 * malformed).  @line is valid UTF-8 without NUL. */
static JsonObject *
parse_object (JsonParser *parser,
              const char *line,
              gsize       length)
{
  g_autoptr(JsonObject) object = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  JsonNode *root;
  guint n_members = 0;
  gulong handler;
  gboolean parsed;

  if (!is_flat (line, length))
    return NULL;

  handler = g_signal_connect (parser, "object-member", G_CALLBACK (count_member), &n_members);
  parsed = json_parser_load_from_data (parser, line, length, NULL);
  g_signal_handler_disconnect (parser, handler);

  root = parsed ? json_parser_get_root (parser) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_object_ref (json_node_get_object (root));

  /* The parser keeps the last of two members with one name. */
  if (n_members != json_object_get_size (object))
    return NULL;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node))
        return NULL;

      /* A lone surrogate ("\ud800") is no character. */
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return NULL;
    }

  return g_steal_pointer (&object);
}

/* A line that waits for a reference further down the file. */
typedef struct
{
  guint64              line;
  LotsenExportDataset  dataset;
  JsonObject          *object;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  json_object_unref (pending->object);
  g_free (pending);
}

static void
skip_line (Importer   *importer,
           guint64     line,
           const char *reason)
{
  g_array_append_val (importer->report->skipped_lines, line);
  if (line == 0)
    g_ptr_array_add (importer->report->skipped,
                     /* Translators: a sign-up an earlier import kept until its session came; %s says what is
                      * wrong with it. */
                     g_strdup_printf (_("A line kept from an earlier import: %s"), reason));
  else
    g_ptr_array_add (importer->report->skipped,
                     /* Translators: %lu is a line number of the file; %s says what is wrong with it. */
                     g_strdup_printf (_("Line %lu: %s"), (gulong) line, reason));
}

/* A line that cannot be placed until a later import, kept in the
 * database for it. */
static gboolean
keep_pending (Importer             *importer,
              LotsenExportDataset   dataset,
              JsonObject           *object,
              GError              **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  stmt = lotsen_store_prepare (importer->store,
                               "INSERT INTO import_pending (dataset, object, added_at) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, lotsen_export_dataset_to_string (dataset), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, lotsen_store_now (importer->store));
  return lotsen_store_step_done (importer->store, stmt, error);
}

static gboolean
forget_pending (Importer  *importer,
                gint64     id,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (importer->store, "DELETE FROM import_pending WHERE id = ?",
                                                       error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return lotsen_store_step_done (importer->store, stmt, error);
}

static gboolean apply_object (Importer             *importer,
                              guint64               line,
                              LotsenExportDataset   dataset,
                              JsonObject           *object,
                              GError              **error);

/* The lines earlier imports kept (up to @last), tried again now that
 * this import's rows are here, in the order they came. */
static gboolean
place_pending (Importer  *importer,
               gint64     last,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 after = 0;

  for (;;)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *dataset_name = NULL;
      g_autofree char *text = NULL;
      LotsenExportDataset dataset;
      JsonNode *root;
      gint64 id;
      int rc;

      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = lotsen_store_prepare (importer->store,
                                   "SELECT id, dataset, object FROM import_pending WHERE id > ?1 AND id <= ?2 "
                                   "ORDER BY id LIMIT 1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, after);
      sqlite3_bind_int64 (stmt, 2, last);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_ROW)
        {
          lotsen_store_set_error (importer->store, error);
          return FALSE;
        }

      id = after = sqlite3_column_int64 (stmt, 0);
      dataset_name = lotsen_store_column_text (stmt, 1);
      text = lotsen_store_column_text (stmt, 2);
      g_clear_pointer (&stmt, sqlite3_finalize);

      /* Written by this code: a row that does not read is dropped. */
      if (!lotsen_export_dataset_from_string (dataset_name, &dataset, NULL) ||
          !json_parser_load_from_data (parser, text, -1, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          if (!forget_pending (importer, id, error))
            return FALSE;
          continue;
        }

      importer->pending_id = id;
      if (!apply_object (importer, 0, dataset, json_node_get_object (root), error))
        {
          importer->pending_id = 0;
          return FALSE;
        }
      importer->pending_id = 0;
    }
}

static gint64
count_or_max (Importer    *importer,
              const char  *sql,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = lotsen_store_prepare (importer->store, sql, error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lotsen_store_set_error (importer->store, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Rows of this or earlier imports whose visitor is here now get them. */
static gboolean
link_visitors (Importer  *importer,
               GError   **error)
{
  static const char * const link_sql[] = {
    "UPDATE ticket SET visitor_id = (SELECT v.id FROM import_link l JOIN visitor v ON v.uuid = l.visitor_uuid "
    "                                WHERE l.kind = 'ticket' AND l.row_uuid = ticket.uuid) "
    "WHERE uuid IN (SELECT l.row_uuid FROM import_link l JOIN visitor v ON v.uuid = l.visitor_uuid "
    "               WHERE l.kind = 'ticket')",
    "UPDATE signup SET visitor_id = (SELECT v.id FROM import_link l JOIN visitor v ON v.uuid = l.visitor_uuid "
    "                                WHERE l.kind = 'signup' AND l.row_uuid = signup.uuid) "
    "WHERE uuid IN (SELECT l.row_uuid FROM import_link l JOIN visitor v ON v.uuid = l.visitor_uuid "
    "               WHERE l.kind = 'signup')",
  };
  sqlite3 *db = lotsen_store_get_db (importer->store);

  for (guint i = 0; i < G_N_ELEMENTS (link_sql); i++)
    {
      if (!lotsen_store_exec (importer->store, link_sql[i], error))
        return FALSE;
      importer->report->n_linked += sqlite3_changes (db);
    }

  /* Linked, or their row is gone (never added, or erased since). */
  return lotsen_store_exec (importer->store,
                            "DELETE FROM import_link WHERE visitor_uuid IN (SELECT uuid FROM visitor) "
                            "OR (kind = 'ticket' AND row_uuid NOT IN (SELECT uuid FROM ticket)) "
                            "OR (kind = 'signup' AND row_uuid NOT IN (SELECT uuid FROM signup))",
                            error);
}

/* One parsed line, inside its own savepoint.  Returns %FALSE only when the
 * database fails. */
static gboolean
apply_object (Importer             *importer,
              guint64               line,
              LotsenExportDataset   dataset,
              JsonObject           *object,
              GError              **error)
{
  g_autofree char *reason = NULL;
  Outcome outcome = OUTCOME_FAILED;

  g_clear_pointer (&importer->change, g_free);

  if (!lotsen_store_exec (importer->store, "SAVEPOINT line", error))
    return FALSE;

  switch (dataset)
    {
    case LOTSEN_EXPORT_VISITORS:
      outcome = lotsen_import_visitor (importer, object, &reason, error);
      break;
    case LOTSEN_EXPORT_TICKETS:
      outcome = lotsen_import_ticket (importer, object, &reason, error);
      break;
    case LOTSEN_EXPORT_SIGNUPS:
      outcome = lotsen_import_signup (importer, object, &reason, error);
      break;
    case LOTSEN_EXPORT_ACTIVITIES:
      outcome = lotsen_import_session (importer, object, &reason, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The caller rolls the whole import back. */
  if (outcome == OUTCOME_FAILED)
    return FALSE;

  /* Nothing of a skipped or waiting line stays. */
  if ((outcome == OUTCOME_SKIPPED || outcome == OUTCOME_WAIT || outcome == OUTCOME_KEEP) &&
      !lotsen_store_exec (importer->store, "ROLLBACK TO line", error))
    return FALSE;

  if (!lotsen_store_exec (importer->store, "RELEASE line", error))
    return FALSE;

  /* A line of an earlier import is done with once it is placed (or
   * refused); one of this import that cannot be placed yet is kept. */
  if (importer->pending_id > 0 && outcome != OUTCOME_KEEP &&
      !forget_pending (importer, importer->pending_id, error))
    return FALSE;
  if (importer->pending_id == 0 && outcome == OUTCOME_KEEP &&
      !keep_pending (importer, dataset, object, error))
    return FALSE;

  if ((outcome == OUTCOME_ADDED || outcome == OUTCOME_UPDATED) && importer->change != NULL)
    g_ptr_array_add (importer->report->changed,
                     g_strdup_printf (_("Line %lu: %s"), (gulong) line, importer->change));
  g_clear_pointer (&importer->change, g_free);

  switch (outcome)
    {
    case OUTCOME_ADDED:
      importer->report->n_added[dataset]++;
      if (importer->pending_id > 0)
        importer->report->n_placed++;
      break;
    case OUTCOME_UPDATED:
      importer->report->n_updated[dataset]++;
      break;
    case OUTCOME_PRESENT:
      importer->report->n_present[dataset]++;
      break;
    case OUTCOME_SKIPPED:
      skip_line (importer, line, reason);
      break;
    case OUTCOME_KEEP:
      break;
    case OUTCOME_WAIT:
      {
        Pending *pending = g_new0 (Pending, 1);

        pending->line = line;
        pending->dataset = dataset;
        pending->object = json_object_ref (object);
        g_ptr_array_add (importer->pending, pending);
        break;
      }
    case OUTCOME_FAILED:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Ends the batch when it is long enough, and begins the next: in between,
 * another connection can write.  Returns %FALSE when the database fails. */
static gboolean
end_batch_if_due (Importer  *importer,
                  GError   **error)
{
  if (++importer->batch_lines < BATCH_LINES &&
      g_get_monotonic_time () - importer->batch_started < BATCH_USEC)
    return TRUE;

  if (!lotsen_store_commit (importer->store, error))
    return FALSE;
  importer->report->n_batches++;

  /* The batch's pages go into the database now, by the import: else the
   * kiosk's next ticket could be the commit that fills the write-ahead
   * log and have to copy them all before it is done. */
  if (!lotsen_store_exec (importer->store, "PRAGMA wal_checkpoint (PASSIVE)", error))
    return FALSE;

  /* A kiosk waiting for the lock tries again every millisecond. */
  g_usleep (BATCH_GAP_USEC);

  importer->batch_lines = 0;
  importer->batch_started = g_get_monotonic_time ();
  return lotsen_store_begin (importer->store, error);
}

/* One line of the file (its end of line cut off).  Returns %FALSE only
 * when the database fails; *@is_object tells whether it was a JSON object. */
static gboolean
import_line (Importer    *importer,
             guint64      line,
             const char  *text,
             gsize        length,
             gboolean    *is_object,
             GError     **error)
{
  g_autoptr(JsonObject) object = NULL;
  LotsenExportDataset dataset;
  const char *name = NULL;
  g_autofree char *reason = NULL;

  *is_object = FALSE;

  if (line == 1 && length >= 3 && memcmp (text, UTF8_BOM, 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  if (length > 0 && text[length - 1] == '\r')
    length--;

  /* A blank line is no data, and no error. */
  {
    gsize i = 0;

    while (i < length && g_ascii_isspace (text[i]))
      i++;
    if (i == length)
      return TRUE;
  }

  /* Invalid UTF-8 and NUL bytes end here: the parser needs neither. */
  if (g_utf8_validate_len (text, length, NULL))
    object = parse_object (importer->parser, text, length);

  if (object == NULL)
    {
      skip_line (importer, line, _("The line is not a JSON object of plain values."));
      return TRUE;
    }

  *is_object = TRUE;

  if (!lotsen_import_get_text (object, "dataset", TRUE, &name, &reason))
    {
      skip_line (importer, line, reason);
      return TRUE;
    }

  if (!lotsen_export_dataset_from_string (name, &dataset, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a data set of Lotsen."), name);

      skip_line (importer, line, message);
      return TRUE;
    }

  {
    const char *kiosk_id = NULL;

    if (lotsen_import_get_text (object, "kiosk_id", FALSE, &kiosk_id, &reason) && kiosk_id != NULL)
      g_hash_table_add (importer->kiosks, g_strdup (kiosk_id));
    g_clear_pointer (&reason, g_free);
  }

  return apply_object (importer, line, dataset, object, error);
}

/* A skipped line's number with its message. */
typedef struct
{
  guint64  line;
  gpointer message;
} Skipped;

static int
compare_skipped (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = ((const Skipped *) a)->line;
  guint64 y = ((const Skipped *) b)->line;

  return (x > y) - (x < y);
}

/* Waiting lines skipped at the end go back to their place in the file,
 * their messages with them.  A line is skipped at most once. */
static void
sort_skipped (LotsenImportReport *report)
{
  guint n = report->skipped_lines->len;
  g_autofree Skipped *skipped = NULL;

  g_assert (report->skipped->len == n);

  if (n < 2)
    return;

  skipped = g_new (Skipped, n);

  for (guint i = 0; i < n; i++)
    {
      skipped[i].line = g_array_index (report->skipped_lines, guint64, i);
      skipped[i].message = report->skipped->pdata[i];
    }

  qsort (skipped, n, sizeof (Skipped), compare_skipped);

  for (guint i = 0; i < n; i++)
    {
      g_array_index (report->skipped_lines, guint64, i) = skipped[i].line;
      report->skipped->pdata[i] = skipped[i].message;
    }
}

static void
report_reset (LotsenImportReport *report)
{
  lotsen_import_report_clear (report);
  report->skipped_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  report->skipped = g_ptr_array_new_with_free_func (g_free);
  report->changed = g_ptr_array_new_with_free_func (g_free);
}

/* Lines of a stream, each at most %MAX_LINE_BYTES kept in memory. */
typedef struct
{
  GInputStream *in;
  char         *buffer;  /* READ_BYTES */
  gsize         start;   /* the unread part of @buffer */
  gsize         end;
  gboolean      at_end;
  GByteArray   *line;
} LineReader;

static void
line_reader_clear (LineReader *reader)
{
  g_clear_pointer (&reader->buffer, g_free);
  g_clear_pointer (&reader->line, g_byte_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineReader, line_reader_clear)

typedef enum {
  LINE_READ,     /* in reader->line, without its '\n' */
  LINE_TOO_LONG, /* skipped to its end; reader->line is empty */
  LINE_NONE,     /* the end of the stream */
  LINE_FAILED,   /* error set */
} LineResult;

/* The next line: bytes up to '\n' or the end of the stream.  A line over
 * %MAX_LINE_BYTES is read on to its end but not kept. */
static LineResult
read_line (LineReader  *reader,
           GError     **error)
{
  gboolean any = FALSE;
  gboolean too_long = FALSE;
  guint64 skipped = 0;

  g_byte_array_set_size (reader->line, 0);

  for (;;)
    {
      const char *from, *newline;
      gsize take;

      if (reader->start == reader->end)
        {
          gssize n;

          if (reader->at_end)
            break;

          n = g_input_stream_read (reader->in, reader->buffer, READ_BYTES, NULL, error);
          if (n < 0)
            return LINE_FAILED;
          if (n == 0)
            {
              reader->at_end = TRUE;
              break;
            }
          reader->start = 0;
          reader->end = n;
        }

      any = TRUE;
      from = reader->buffer + reader->start;
      newline = memchr (from, '\n', reader->end - reader->start);
      take = newline != NULL ? (gsize) (newline - from) : reader->end - reader->start;

      if (!too_long && reader->line->len + take > MAX_LINE_BYTES)
        {
          too_long = TRUE;
          skipped = reader->line->len;
          g_byte_array_set_size (reader->line, 0);
        }

      if (too_long)
        {
          skipped += take;
          if (skipped > MAX_SKIP_BYTES || memchr (from, '\0', take) != NULL)
            {
              g_set_error_literal (error, LOTSEN_IMPORT_ERROR, LOTSEN_IMPORT_ERROR_NOT_JSONL,
                                   _("The file is no text, or has a line far longer than any export "
                                     "writes: it is not a Lotsen export in JSONL."));
              return LINE_FAILED;
            }
        }
      else
        g_byte_array_append (reader->line, (const guint8 *) from, take);

      reader->start += take;
      if (newline != NULL)
        {
          reader->start++;
          return too_long ? LINE_TOO_LONG : LINE_READ;
        }
    }

  if (!any)
    return LINE_NONE;

  return too_long ? LINE_TOO_LONG : LINE_READ;
}

/* Everything but the end of the transaction. */
static gboolean
import_lines (Importer      *importer,
              GInputStream  *in,
              GError       **error)
{
  g_auto(LineReader) reader = {
    .in = in,
    .buffer = g_malloc (READ_BYTES),
    .line = g_byte_array_sized_new (4096),
  };
  g_autoptr(GError) local_error = NULL;
  gboolean any_object = FALSE;
  gint64 waiting, unlinked;
  LineResult result;

  /* The lines earlier imports kept; this import may keep more. */
  importer->pending_before = count_or_max (importer, "SELECT coalesce (max (id), 0) FROM import_pending", error);
  if (importer->pending_before < 0)
    return FALSE;

  while ((result = read_line (&reader, &local_error)) == LINE_READ || result == LINE_TOO_LONG)
    {
      gboolean is_object = FALSE;

      importer->report->n_lines++;

      if (result == LINE_TOO_LONG)
        {
          g_autofree char *reason = g_strdup_printf (_("The line is longer than %d bytes."), MAX_LINE_BYTES);

          skip_line (importer, importer->report->n_lines, reason);
          continue;
        }

      if (!import_line (importer, importer->report->n_lines, (const char *) reader.line->data,
                        reader.line->len, &is_object, error) ||
          !end_batch_if_due (importer, error))
        return FALSE;
      any_object |= is_object;
    }

  if (result == LINE_FAILED)
    {
      if (local_error->domain == LOTSEN_IMPORT_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: %s is the reason, e.g. "Input/output error". */
                     _("The file could not be read: %s"), local_error->message);
      return FALSE;
    }

  if (importer->report->n_lines > 0 && !any_object)
    {
      g_set_error_literal (error, LOTSEN_IMPORT_ERROR, LOTSEN_IMPORT_ERROR_NOT_JSONL,
                           /* Translators: JSONL stays as it is. */
                           _("The file is not a Lotsen export in JSONL: not one line is a JSON object."));
      return FALSE;
    }

  /* The lines that waited, in their order: the file is all here now. */
  importer->final = TRUE;
  for (guint i = 0; i < importer->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (importer->pending, i);

      if (!apply_object (importer, pending->line, pending->dataset, pending->object, error) ||
          !end_batch_if_due (importer, error))
        return FALSE;
    }

  /* What earlier imports could not place, and rows of this and earlier
   * imports still without their visitor; then what is still waiting. */
  if (!place_pending (importer, importer->pending_before, error) ||
      !link_visitors (importer, error))
    return FALSE;

  waiting = count_or_max (importer, "SELECT count (*) FROM import_pending", error);
  unlinked = count_or_max (importer, "SELECT count (*) FROM import_link", error);
  if (waiting < 0 || unlinked < 0)
    return FALSE;
  importer->report->n_waiting = waiting;
  importer->report->n_unlinked = unlinked;

  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
describe_import (Importer   *importer,
                 const char *source)
{
  LotsenImportReport *report = importer->report;
  g_autoptr(GString) detail = g_string_new (source ? source : "-");
  g_autofree const char **kiosks = NULL;
  guint n_kiosks;

  g_string_append_printf (detail, " lines=%" G_GUINT64_FORMAT, report->n_lines);
  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    g_string_append_printf (detail, " %s=+%" G_GUINT64_FORMAT "/~%" G_GUINT64_FORMAT "/=%" G_GUINT64_FORMAT,
                            lotsen_export_dataset_to_string (i), report->n_added[i], report->n_updated[i], report->n_present[i]);
  g_string_append_printf (detail, " skipped=%u", report->skipped_lines->len);

  kiosks = (const char **) g_hash_table_get_keys_as_array (importer->kiosks, &n_kiosks);
  if (n_kiosks > 0)
    {
      g_autofree char *joined = NULL;

      qsort (kiosks, n_kiosks, sizeof (char *), compare_strings);
      joined = g_strjoinv (",", (char **) kiosks);
      g_string_append_printf (detail, " from=%s", joined);
    }

  return g_string_free (g_steal_pointer (&detail), FALSE);
}

static gboolean
import_stream (LotsenStore         *store,
               GInputStream        *in,
               const char          *source,
               LotsenImportReport  *report,
               GError             **error)
{
  g_autoptr(GHashTable) kiosks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *detail = NULL;
  gboolean ok;
  Importer importer = {
    .store = store,
    .report = report,
    .kiosks = kiosks,
    .pending = pending,
    .parser = parser,
  };

  report_reset (report);

  if (!lotsen_store_begin (store, error))
    return FALSE;
  importer.batch_started = g_get_monotonic_time ();

  ok = import_lines (&importer, in, error);
  g_clear_pointer (&importer.change, g_free);
  if (!ok)
    {
      lotsen_store_rollback (store);

      /* What earlier batches wrote is here: the audit says whence. */
      if (report->n_batches > 0)
        {
          g_autofree char *stopped = describe_import (&importer, source);
          g_autofree char *what = g_strconcat (stopped, " stopped", NULL);

          if (!lotsen_store_audit (store, "import", what, NULL))
            g_debug ("Cannot record the stopped import of %s", source ? source : "a stream");
        }
      return FALSE;
    }

  /* Waiting lines may have been skipped later: in the file's order. */
  sort_skipped (report);

  detail = describe_import (&importer, source);
  if (!lotsen_store_audit (store, "import", detail, error))
    {
      lotsen_store_rollback (store);
      return FALSE;
    }

  if (!lotsen_store_commit (store, error))
    return FALSE;

  report->n_batches++;
  return TRUE;
}

/**
 * lotsen_import_jsonl:
 * @in: another kiosk's export in JSONL (lotsen_export_write()); read to its
 *   end, not closed
 * @report: (out caller-allocates): what was done; cleared first, and to be
 *   cleared with lotsen_import_report_clear() after a success or a failure
 *
 * Merges the rows of @in into @store by uuid, as described at the top of
 * this file; importing the same data again changes nothing.  Lines that
 * cannot be used are skipped and listed in @report, which is no error.
 * The rows are committed in short batches (see the top of this file), the
 * audit row "import" with the last.
 *
 * Returns: %TRUE when the import is done; %FALSE with
 *   %LOTSEN_IMPORT_ERROR_NOT_JSONL, the stream's error when it cannot be
 *   read (%G_IO_ERROR for a file), or a %LOTSEN_STORE_ERROR; the batches
 *   committed before the failure stay
 */
gboolean
lotsen_import_jsonl (LotsenStore         *store,
                     GInputStream        *in,
                     LotsenImportReport  *report,
                     GError             **error)
{
  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return import_stream (store, in, NULL, report, error);
}

/**
 * lotsen_import_jsonl_file:
 * @path: a JSONL file
 *
 * Like lotsen_import_jsonl(), from the file at @path; the audit row names
 * the file.  A file that cannot be read is a %G_IO_ERROR, such as
 * %G_IO_ERROR_NOT_FOUND or %G_IO_ERROR_PERMISSION_DENIED.
 */
gboolean
lotsen_import_jsonl_file (LotsenStore         *store,
                          const char          *path,
                          LotsenImportReport  *report,
                          GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report_reset (report);

  target = g_canonicalize_filename (path, NULL);
  file = g_file_new_for_path (target);
  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then the reason. */
                   _("The file %s cannot be read: %s"), target, local_error->message);
      return FALSE;
    }

  return import_stream (store, G_INPUT_STREAM (in), target, report, error);
}

guint64
lotsen_import_report_get_added (const LotsenImportReport *report)
{
  guint64 sum = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    sum += report->n_added[i];
  return sum;
}

guint64
lotsen_import_report_get_present (const LotsenImportReport *report)
{
  guint64 sum = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < LOTSEN_IMPORT_N_DATASETS; i++)
    sum += report->n_present[i];
  return sum;
}

/**
 * lotsen_import_report_clear:
 *
 * Frees what @report holds and sets it to zero; the struct itself is the
 * caller's.
 */
void
lotsen_import_report_clear (LotsenImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->skipped_lines, g_array_unref);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->changed, g_ptr_array_unref);
  memset (report, 0, sizeof *report);
}
