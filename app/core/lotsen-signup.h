/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

/* How many people one sign-up may bring, the person included. */
#define LOTSEN_PARTY_MAX          4

typedef enum {
  LOTSEN_SIGNUP_CONFIRMED,
  LOTSEN_SIGNUP_WAITLISTED,
  LOTSEN_SIGNUP_CANCELLED,
  LOTSEN_SIGNUP_ATTENDED,
  LOTSEN_SIGNUP_NO_SHOW,
} LotsenSignupStatus;

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

void                 lotsen_signup_free                 (LotsenSignup        *signup);
const char          *lotsen_signup_status_to_string     (LotsenSignupStatus   status);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenSignup, lotsen_signup_free)

G_END_DECLS
