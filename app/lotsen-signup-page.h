/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lotsen-activity.h"
#include "lotsen-signup.h"

G_BEGIN_DECLS

typedef enum {
  LOTSEN_SIGNUP_STEP_WHO,   /* with the personal code, or with name and phone */
  LOTSEN_SIGNUP_STEP_NAME,
  LOTSEN_SIGNUP_STEP_PHONE,
  LOTSEN_SIGNUP_STEP_PARTY, /* how many come, then sign up */
  LOTSEN_SIGNUP_STEP_DONE,  /* a seat, or a place on the waiting list */
} LotsenSignupStep;

/* What the visitor has chosen and typed so far; the window keeps it, so a
 * language change rebuilds the page without losing any of it. */
typedef struct
{
  gint64            session_id;
  LotsenSignupStep  step;
  char             *name;       /* without a personal code */
  char             *phone;
  int               party_size; /* 1 to %LOTSEN_PARTY_MAX */
  gint64            signup_id;  /* once signed up */
} LotsenSignupForm;

LotsenSignupForm *lotsen_signup_form_new  (gint64            session_id);
void              lotsen_signup_form_free (LotsenSignupForm *form);

#define LOTSEN_TYPE_SIGNUP_PAGE (lotsen_signup_page_get_type ())
G_DECLARE_FINAL_TYPE (LotsenSignupPage, lotsen_signup_page, LOTSEN, SIGNUP_PAGE, GtkWidget)

GtkWidget *lotsen_signup_page_new (LotsenSignupForm    *form);
void       lotsen_signup_page_set (LotsenSignupPage    *self,
                                   const LotsenSession *session,
                                   GTimeZone           *timezone,
                                   const char          *visitor_name,
                                   const LotsenSignup  *signup,
                                   const char          *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenSignupForm, lotsen_signup_form_free)

G_END_DECLS
