/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lotsen-import.c and lotsen-import-rows.c only. */
#pragma once

#include <json-glib/json-glib.h>

#include "lotsen-import.h"
#include "lotsen-store-private.h"

G_BEGIN_DECLS

/* The longest text of one field: far above anything the kiosk stores (a
 * name is at most 60 characters, a title a line of a screen). */
#define LOTSEN_IMPORT_MAX_FIELD_BYTES 4096

/* What a line did. */
typedef enum {
  OUTCOME_ADDED,
  OUTCOME_UPDATED,
  OUTCOME_PRESENT,
  OUTCOME_SKIPPED, /* reason set */
  OUTCOME_WAIT,    /* a reference not read yet: try again at the end */
  OUTCOME_KEEP,    /* a reference not imported yet: kept for a later import */
  OUTCOME_FAILED,  /* the database failed: error set */
} Outcome;

typedef struct
{
  LotsenStore        *store;
  LotsenImportReport *report;
  GHashTable         *kiosks;  /* the exporting kiosks' ids, for the audit */
  GPtrArray          *pending; /* of Pending */
  JsonParser         *parser;  /* for every line */
  gboolean            final;   /* the file is read: no more waiting */
  char               *change;  /* set by a line applied otherwise than it came */
  gint64              pending_id;    /* the import_pending row being applied again, or 0 */
  gint64              pending_before; /* the last import_pending row of earlier imports */
  guint               batch_lines;   /* lines in the open transaction */
  gint64              batch_started; /* when it began, monotonic */
} Importer;

gboolean lotsen_import_get_text (JsonObject  *object,
                                 const char  *key,
                                 gboolean     required,
                                 const char **text,
                                 char       **reason);

Outcome  lotsen_import_visitor  (Importer    *importer,
                                 JsonObject  *object,
                                 char       **reason,
                                 GError     **error);
Outcome  lotsen_import_ticket   (Importer    *importer,
                                 JsonObject  *object,
                                 char       **reason,
                                 GError     **error);
Outcome  lotsen_import_signup   (Importer    *importer,
                                 JsonObject  *object,
                                 char       **reason,
                                 GError     **error);
Outcome  lotsen_import_session  (Importer    *importer,
                                 JsonObject  *object,
                                 char       **reason,
                                 GError     **error);

G_END_DECLS
