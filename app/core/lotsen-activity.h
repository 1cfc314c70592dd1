/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

/* How many people one sign-up may bring, the person included. */
#define LOTSEN_PARTY_MAX          4
/* How far ahead a weekly activity's sessions are generated. */
#define LOTSEN_SESSION_WEEKS      8
#define LOTSEN_CAPACITY_MAX     999
#define LOTSEN_SESSION_MINUTES_MAX (12 * 60)

typedef enum {
  LOTSEN_SIGNUP_CONFIRMED,
  LOTSEN_SIGNUP_WAITLISTED,
  LOTSEN_SIGNUP_CANCELLED,
  LOTSEN_SIGNUP_ATTENDED,
  LOTSEN_SIGNUP_NO_SHOW,
} LotsenSignupStatus;

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

typedef struct
{
  gint64              id;
  char               *uuid;
  gint64              session_id;
  gint64              visitor_id;   /* 0 when signed up with name and phone */
  char               *visitor_code; /* the visitor's personal code, or %NULL */
  char               *name;         /* given with the sign-up, or the visitor's given name */
  char               *phone;
  int                 party_size;
  LotsenSignupStatus  status;
  int                 position;     /* 1, 2, … on the waiting list; 0 when not waiting */
  gboolean            promoted;     /* got a seat from the waiting list: staff phone them */
  gint64              promoted_at;  /* 0 when not promoted */
  gboolean            walk_in;
  gint64              created_at;
  gint64              changed_at;
  gint64              starts_at;    /* the session's */
  gboolean            session_cancelled;
  char               *title;        /* the activity's, in the asked language or a fallback */
  char               *title_lang;
} LotsenSignup;

LotsenActivityDraft *lotsen_activity_draft_new          (void);
void                 lotsen_activity_draft_free         (LotsenActivityDraft *draft);
void                 lotsen_activity_draft_set_text     (LotsenActivityDraft *draft,
                                                         const char          *lang,
                                                         const char          *title,
                                                         const char          *description);
void                 lotsen_activity_free               (LotsenActivity      *activity);
void                 lotsen_session_free                (LotsenSession       *session);
void                 lotsen_signup_free                 (LotsenSignup        *signup);
const char          *lotsen_signup_status_to_string     (LotsenSignupStatus   status);
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

LotsenSignup        *lotsen_activity_sign_up            (LotsenStore         *store,
                                                         gint64               session_id,
                                                         gint64               visitor_id,
                                                         const char          *name,
                                                         const char          *phone,
                                                         int                  party_size,
                                                         GError             **error);
LotsenSignup        *lotsen_activity_get_signup         (LotsenStore         *store,
                                                         gint64               signup_id,
                                                         const char          *lang,
                                                         GError             **error);
gboolean             lotsen_activity_cancel_signup      (LotsenStore         *store,
                                                         gint64               signup_id,
                                                         GError             **error);
gboolean             lotsen_activity_mark_attended      (LotsenStore         *store,
                                                         gint64               signup_id,
                                                         GError             **error);
gboolean             lotsen_activity_mark_no_show       (LotsenStore         *store,
                                                         gint64               signup_id,
                                                         GError             **error);
LotsenSignup        *lotsen_activity_add_walk_in        (LotsenStore         *store,
                                                         gint64               session_id,
                                                         gint64               visitor_id,
                                                         const char          *name,
                                                         int                  party_size,
                                                         GError             **error);
GPtrArray           *lotsen_activity_list_visitor_signups (LotsenStore       *store,
                                                         gint64               visitor_id,
                                                         const char          *lang,
                                                         GError             **error);
GPtrArray           *lotsen_activity_list_session_signups (LotsenStore       *store,
                                                         gint64               session_id,
                                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenActivityDraft, lotsen_activity_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenActivity, lotsen_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenSession, lotsen_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenSignup, lotsen_signup_free)

G_END_DECLS
