/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "lotsen-clock.h"

G_BEGIN_DECLS

#define LOTSEN_STORE_ERROR (lotsen_store_error_quark ())

typedef enum {
  LOTSEN_STORE_ERROR_OPEN,      /* the file cannot be opened or created */
  LOTSEN_STORE_ERROR_CORRUPT,   /* the file is not a Lotsen database, or is damaged */
  LOTSEN_STORE_ERROR_TOO_NEW,   /* made by a newer Lotsen than this one */
  LOTSEN_STORE_ERROR_FAILED,    /* a statement failed */
  LOTSEN_STORE_ERROR_NOT_FOUND, /* no such service, ticket, … */
  LOTSEN_STORE_ERROR_INVALID,   /* the request itself is wrong */
  LOTSEN_STORE_ERROR_LOST,      /* the file or its -wal was removed or replaced while open */
} LotsenStoreError;

/* How long a visitor's name and contact details are kept after their last
 * visit (setting "retention_days"); see lotsen_visitor_purge(). */
#define LOTSEN_RETENTION_DAYS_DEFAULT  365
#define LOTSEN_RETENTION_DAYS_MIN       30
#define LOTSEN_RETENTION_DAYS_MAX     3650

#define LOTSEN_TYPE_STORE (lotsen_store_get_type ())
G_DECLARE_FINAL_TYPE (LotsenStore, lotsen_store, LOTSEN, STORE, GObject)

/* Fills a database that is being created, inside its creating transaction. */
typedef gboolean (*LotsenStoreSeedFunc) (LotsenStore  *store,
                                         GError      **error);

GQuark       lotsen_store_error_quark          (void);

LotsenStore *lotsen_store_open                 (const char   *path,
                                                LotsenClock  *clock,
                                                GError      **error);
LotsenStore *lotsen_store_open_seeded          (const char           *path,
                                                LotsenClock          *clock,
                                                LotsenStoreSeedFunc   seed,
                                                GError              **error);
LotsenStore *lotsen_store_open_or_recover      (const char           *path,
                                                LotsenClock          *clock,
                                                LotsenStoreSeedFunc   seed,
                                                char                **moved_aside,
                                                GError              **error);
char        *lotsen_store_default_path         (void);
gboolean     lotsen_store_check                (LotsenStore  *self,
                                                GError      **error);

const char  *lotsen_store_get_path             (LotsenStore  *self);
LotsenClock *lotsen_store_get_clock            (LotsenStore  *self);
gboolean     lotsen_store_get_created          (LotsenStore  *self);
const char  *lotsen_store_get_kiosk_id         (LotsenStore  *self);
int          lotsen_store_get_schema_version   (LotsenStore  *self);
int          lotsen_store_get_latest_version   (void);
const char  *lotsen_store_get_unusable         (LotsenStore  *self);
void         lotsen_store_set_unusable         (LotsenStore  *self,
                                                const char   *reason);

GTimeZone   *lotsen_store_get_timezone         (LotsenStore  *self);
GDateTime   *lotsen_store_to_local             (LotsenStore  *self,
                                                gint64        unix_seconds);
char        *lotsen_store_format_local         (LotsenStore  *self,
                                                gint64        unix_seconds,
                                                const char   *format);
char        *lotsen_store_format_local_day     (LotsenStore  *self,
                                                gint64        unix_seconds);

char        *lotsen_store_get_setting          (LotsenStore  *self,
                                                const char   *key);
gboolean     lotsen_store_set_setting          (LotsenStore  *self,
                                                const char   *key,
                                                const char   *value,
                                                GError      **error);
gboolean     lotsen_store_change_setting       (LotsenStore  *self,
                                                const char   *key,
                                                const char   *value,
                                                GError      **error);
guint        lotsen_store_get_retention_days   (LotsenStore  *self);
gboolean     lotsen_store_set_retention_days   (LotsenStore  *self,
                                                guint         days,
                                                GError      **error);
gboolean     lotsen_store_set_name_setting     (LotsenStore  *self,
                                                const char   *key,
                                                const char   *value,
                                                GError      **error);
gboolean     lotsen_store_audit                (LotsenStore  *self,
                                                const char   *what,
                                                const char   *detail,
                                                GError      **error);

G_END_DECLS
