/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-activity.h"
#include "lotsen-signup.h"
#include "lotsen-store.h"
#include "lotsen-visitor.h"

G_BEGIN_DECLS

typedef enum {
  LOTSEN_SIGNUP_STEP_WHO,   /* with the personal code, or with name and phone */
  LOTSEN_SIGNUP_STEP_NAME,
  LOTSEN_SIGNUP_STEP_PHONE,
  LOTSEN_SIGNUP_STEP_PARTY, /* how many come, then sign up */
  LOTSEN_SIGNUP_STEP_DONE,  /* a seat, or a place on the waiting list */
} LotsenSignupStep;

/* What the visitor has chosen and typed so far for a sign-up. */
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LotsenSignupForm, lotsen_signup_form_free)

#define LOTSEN_TYPE_VISIT (lotsen_visit_get_type ())
G_DECLARE_FINAL_TYPE (LotsenVisit, lotsen_visit, LOTSEN, VISIT, GObject)

LotsenVisit        *lotsen_visit_new                   (LotsenStore  *store);
void                lotsen_visit_reset                 (LotsenVisit  *self);
gboolean            lotsen_visit_has_state             (LotsenVisit  *self);
void                lotsen_visit_set_audio_mode        (LotsenVisit  *self,
                                                        gboolean      audio_mode);
gboolean            lotsen_visit_get_audio_mode        (LotsenVisit  *self);

const char         *lotsen_visit_get_page              (LotsenVisit  *self);
void                lotsen_visit_set_page              (LotsenVisit  *self,
                                                        const char   *page);
const char         *lotsen_visit_resolve_page          (LotsenVisit  *self,
                                                        const char   *page);
const char         *lotsen_visit_get_category          (LotsenVisit  *self);
void                lotsen_visit_set_category          (LotsenVisit  *self,
                                                        const char   *category);

gint64              lotsen_visit_get_ticket_id         (LotsenVisit  *self);
gboolean            lotsen_visit_take_ticket           (LotsenVisit  *self,
                                                        const char   *prefix,
                                                        const char   *lang,
                                                        GError      **error);
gboolean            lotsen_visit_set_interpreter       (LotsenVisit  *self,
                                                        const char   *lang,
                                                        GError      **error);

LotsenVisitorDraft *lotsen_visit_get_draft             (LotsenVisit  *self);
const char * const *lotsen_visit_get_register_steps    (LotsenVisit  *self);
guint               lotsen_visit_get_n_register_steps  (LotsenVisit  *self);
guint               lotsen_visit_get_register_step     (LotsenVisit  *self);
void                lotsen_visit_set_register_step     (LotsenVisit  *self,
                                                        guint         step);
const char         *lotsen_visit_accept_consent        (LotsenVisit  *self,
                                                        GError      **error);
void                lotsen_visit_decline_consent       (LotsenVisit  *self);
void                lotsen_visit_cancel_registration   (LotsenVisit  *self);
gboolean            lotsen_visit_register              (LotsenVisit  *self,
                                                        const char   *lang,
                                                        GError      **error);

const LotsenVisitor *lotsen_visit_get_visitor          (LotsenVisit  *self);
const char         *lotsen_visit_get_visitor_code      (LotsenVisit  *self);
const char         *lotsen_visit_get_typed_code        (LotsenVisit  *self);
const char         *lotsen_visit_get_sign_in_message   (LotsenVisit  *self);
gboolean            lotsen_visit_is_sign_in_paused     (LotsenVisit  *self);
void                lotsen_visit_code_key              (LotsenVisit  *self,
                                                        const char   *key);
void                lotsen_visit_code_delete           (LotsenVisit  *self);
const char         *lotsen_visit_sign_in               (LotsenVisit  *self);
const char         *lotsen_visit_answer_outcome        (LotsenVisit  *self,
                                                       const char   *answer);
void                lotsen_visit_forget_next_page      (LotsenVisit  *self);

LotsenSignupForm   *lotsen_visit_get_signup_form       (LotsenVisit  *self);
const char         *lotsen_visit_get_signup_message    (LotsenVisit  *self);
void                lotsen_visit_choose_session        (LotsenVisit  *self,
                                                        gint64        session_id);
void                lotsen_visit_sign_up_with_code     (LotsenVisit  *self);
gboolean            lotsen_visit_sign_up               (LotsenVisit  *self);
gint64              lotsen_visit_get_confirm_cancel_id (LotsenVisit  *self);
void                lotsen_visit_ask_cancel_signup     (LotsenVisit  *self,
                                                        gint64        signup_id);
gboolean            lotsen_visit_cancel_signup         (LotsenVisit  *self,
                                                        gint64        signup_id,
                                                        GError      **error);

G_END_DECLS
