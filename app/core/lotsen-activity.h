/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

/* How far ahead a weekly activity's sessions are generated. */
#define LOTSEN_SESSION_WEEKS      8
#define LOTSEN_CAPACITY_MAX     999
#define LOTSEN_SESSION_MINUTES_MAX (12 * 60)

typedef struct
{
  const char *key;       /* stored in activity.category */
  const char *pictogram; /* icon name */
  const char *label;     /* untranslated */
} LotsenCategory;

/* What staff enter for an activity; nothing is stored until
 * lotsen_activity_create() or lotsen_activity_update() takes it. */
typedef struct
{
  char      *category;
  char      *pictogram;     /* icon name */
  char      *location;      /* optional */
  int        capacity;      /* 0 to %LOTSEN_CAPACITY_MAX */
  int        weekday;       /* 1 = Monday … 7 = Sunday for weekly; 0 for one-off */
  int        hour, minute;  /* local wall-clock start, weekly */
  GDateTime *once;          /* one-off: the local start; ignored when weekly */
  int        minutes;       /* length; 60 when 0 */
  GPtrArray *texts;         /* (element-type LotsenActivityText) */
} LotsenActivityDraft;

typedef struct
{
  char *lang;
  char *title;
  char *description; /* optional */
} LotsenActivityText;

typedef struct
{
  gint64     id;
  char      *uuid;
  char      *category;
  char      *pictogram;
  char      *location;
  int        capacity;
  int        weekday;          /* 0: one-off */
  char      *start_time;       /* "HH:MM" local */
  int        minutes;
  char      *title;            /* in the asked language, or a fallback */
  char      *title_lang;       /* the language @title is in */
  gboolean   title_fallback;   /* @title is not in the asked language: mark it */
  char      *description;      /* in @title_lang, or %NULL */
  GPtrArray *texts;            /* (element-type LotsenActivityText): every language's */
  GStrv      missing_langs;    /* the kiosk's languages without a title */
} LotsenActivity;

typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    activity_id;
  gint64    starts_at;
  gint64    ends_at;
  gboolean  cancelled;
  char     *category;
  char     *pictogram;
  char     *location;
  char     *title;
  char     *title_lang;
  gboolean  title_fallback;
  int       capacity;        /* the session's own, else the activity's */
  int       taken;           /* people confirmed or present (walk-ins included) */
  int       seats_left;      /* capacity − taken, never below 0 */
  int       waiting;         /* people on the waiting list */
  int       waiting_signups; /* parties on the waiting list */
} LotsenSession;

LotsenActivityDraft *lotsen_activity_draft_new          (void);
void                 lotsen_activity_draft_free         (LotsenActivityDraft *draft);
void                 lotsen_activity_draft_set_text     (LotsenActivityDraft *draft,
                                                         const char          *lang,
                                                         const char          *title,
                                                         const char          *description);
void                 lotsen_activity_free               (LotsenActivity      *activity);
void                 lotsen_session_free                (LotsenSession       *session);
const LotsenCategory *lotsen_activity_get_categories    (guint               *n_categories);
const LotsenCategory *lotsen_activity_lookup_category   (const char          *key);

gint64               lotsen_activity_create             (LotsenStore         *store,
                                                         const LotsenActivityDraft *draft,
                                                         GError             **error);
gboolean             lotsen_activity_update             (LotsenStore         *store,
                                                         gint64               activity_id,
                                                         const LotsenActivityDraft *draft,
                                                         GError             **error);
LotsenActivity      *lotsen_activity_get                (LotsenStore         *store,
                                                         gint64               activity_id,
                                                         const char          *lang,
                                                         GError             **error);
GPtrArray           *lotsen_activity_list               (LotsenStore         *store,
                                                         const char          *lang,
                                                         GError             **error);
GStrv                lotsen_activity_list_categories    (LotsenStore         *store,
                                                         GError             **error);
gboolean             lotsen_activity_generate_sessions  (LotsenStore         *store,
                                                         guint               *n_added,
                                                         GError             **error);

GPtrArray           *lotsen_activity_list_sessions      (LotsenStore         *store,
                                                         gint64               from,
                                                         gint64               to,
                                                         const char          *lang,
                                                         const char          *category,
                                                         gboolean             with_cancelled,
                                                         GError             **error);
LotsenSession       *lotsen_activity_get_session        (LotsenStore         *store,
                                                         gint64               session_id,
                                                         const char          *lang,
                                                         GError             **error);
gboolean             lotsen_activity_set_session_capacity (LotsenStore       *store,
                                                         gint64               session_id,
                                                         int                  capacity,
                                                         GError             **error);
GPtrArray           *lotsen_activity_cancel_session     (LotsenStore         *store,
                                                         gint64               session_id,
                                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenActivityDraft, lotsen_activity_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenActivity, lotsen_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenSession, lotsen_session_free)

G_END_DECLS
