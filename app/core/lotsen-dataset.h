/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the core's own modules only: the columns of every data set, as the
 * export writes them and the import reads them back. */
#pragma once

#include <glib.h>

#include "lotsen-export.h"

G_BEGIN_DECLS

/* The unix seconds a GDateTime can show, years 1 to 9999: the times an
 * export writes and an import takes. */
#define LOTSEN_TIME_MIN G_GINT64_CONSTANT (-62135596800)
#define LOTSEN_TIME_MAX G_GINT64_CONSTANT (253402300799)

typedef enum {
  LOTSEN_COLUMN_KIND_TEXT,   /* anyone's text: neutralised in CSV */
  LOTSEN_COLUMN_KIND_NUMBER, /* an integer, written as a number */
  LOTSEN_COLUMN_KIND_TIME,   /* unix seconds, written as local ISO 8601 */
} LotsenColumnKind;

typedef enum {
  LOTSEN_COLUMN_OPTIONAL = 0,
  LOTSEN_COLUMN_REQUIRED = 1 << 0, /* an imported line without it is skipped */
  LOTSEN_COLUMN_DERIVED  = 1 << 1, /* worked out by the export; the import does not read it */
} LotsenColumnFlags;

typedef struct
{
  const char        *key;   /* the CSV header, the JSON key, the sheet's header */
  LotsenColumnKind   kind;
  const char        *sql;   /* the expression the export selects */
  LotsenColumnFlags  flags;
} LotsenColumn;

typedef struct
{
  const char         *name;
  const char         *from;  /* the SELECT after its columns; ?1: from or NULL, ?2: to or NULL */
  const LotsenColumn *columns;
  guint               n_columns;
} LotsenDataset;

/* The columns' indices, in the order the export writes them. */
enum {
  LOTSEN_VISITORS_UUID,
  LOTSEN_VISITORS_CODE,
  LOTSEN_VISITORS_CREATED_AT,
  LOTSEN_VISITORS_LANG,
  LOTSEN_VISITORS_GIVEN_NAME,
  LOTSEN_VISITORS_FAMILY_NAME,
  LOTSEN_VISITORS_BIRTH_YEAR,
  LOTSEN_VISITORS_GENDER,
  LOTSEN_VISITORS_PHONE,
  LOTSEN_VISITORS_MUNICIPALITY,
  LOTSEN_VISITORS_INTERESTS,
  LOTSEN_VISITORS_INTERPRETER_LANG,
  LOTSEN_VISITORS_CONSENT_VERSION,
  LOTSEN_VISITORS_CONSENT_AT,
  LOTSEN_VISITORS_LAST_SEEN_AT,
  LOTSEN_VISITORS_EMPLOYMENT,
  LOTSEN_VISITORS_EDUCATION,
  LOTSEN_VISITORS_N_COLUMNS
};

enum {
  LOTSEN_TICKETS_UUID,
  LOTSEN_TICKETS_LABEL,
  LOTSEN_TICKETS_SERVICE_PREFIX,
  LOTSEN_TICKETS_SERVICE_NAME,
  LOTSEN_TICKETS_DAY,
  LOTSEN_TICKETS_NUMBER,
  LOTSEN_TICKETS_LANG,
  LOTSEN_TICKETS_INTERPRETER_LANG,
  LOTSEN_TICKETS_STATUS,
  LOTSEN_TICKETS_CREATED_AT,
  LOTSEN_TICKETS_CALLED_AT,
  LOTSEN_TICKETS_FINISHED_AT,
  LOTSEN_TICKETS_DESK,
  LOTSEN_TICKETS_WAIT_SECONDS,
  LOTSEN_TICKETS_SERVICE_SECONDS,
  LOTSEN_TICKETS_VISITOR_UUID,
  LOTSEN_TICKETS_N_COLUMNS
};

enum {
  LOTSEN_SIGNUPS_UUID,
  LOTSEN_SIGNUPS_SESSION_STARTS_AT,
  LOTSEN_SIGNUPS_ACTIVITY_TITLE,
  LOTSEN_SIGNUPS_STATUS,
  LOTSEN_SIGNUPS_PARTY_SIZE,
  LOTSEN_SIGNUPS_POSITION,
  LOTSEN_SIGNUPS_NAME,
  LOTSEN_SIGNUPS_PHONE,
  LOTSEN_SIGNUPS_VISITOR_UUID,
  LOTSEN_SIGNUPS_CREATED_AT,
  LOTSEN_SIGNUPS_CHANGED_AT,
  LOTSEN_SIGNUPS_SESSION_UUID,
  LOTSEN_SIGNUPS_N_COLUMNS
};

enum {
  LOTSEN_ACTIVITIES_ACTIVITY_UUID,
  LOTSEN_ACTIVITIES_CATEGORY,
  LOTSEN_ACTIVITIES_LOCATION,
  LOTSEN_ACTIVITIES_CAPACITY,
  LOTSEN_ACTIVITIES_SESSION_UUID,
  LOTSEN_ACTIVITIES_STARTS_AT,
  LOTSEN_ACTIVITIES_ENDS_AT,
  LOTSEN_ACTIVITIES_CANCELLED,
  LOTSEN_ACTIVITIES_TITLE,
  LOTSEN_ACTIVITIES_TEXTS,
  LOTSEN_ACTIVITIES_N_COLUMNS
};

const LotsenDataset *lotsen_dataset_get        (LotsenExportDataset  dataset);
char                *lotsen_dataset_get_select (const LotsenDataset *dataset);

G_END_DECLS
