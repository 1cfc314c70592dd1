/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-visit.c — what the visitor at the screen is doing.
 *
 * One object holds all of it: the page, their ticket, the registration
 * draft and its step, who signed in (and the code being typed), the
 * category filter, the sign-up form and a sign-up about to be cancelled.
 * Pages read and write it; the window only shows what it says.  A
 * language change rebuilds every page from it, and lotsen_visit_reset()
 * forgets it all when the visitor is done or walks away (what was saved
 * stays saved).  Nothing here needs a display.
 */

#define G_LOG_DOMAIN "lotsen-visit"

#include <glib/gi18n.h>

#include "lotsen-queue.h"
#include "lotsen-outcome.h"
#include "lotsen-visit.h"

struct _LotsenVisit
{
  GObject             parent_instance;

  LotsenStore        *store;
  char               *page;

  gint64              ticket_id;

  LotsenVisitorDraft *draft;             /* while registering */
  guint               register_step;
  gboolean            ask_esf;           /* the draft's steps include "esf" */
  LotsenVisitor      *visitor;           /* signed in or just registered */
  gboolean            renewing_consent;  /* a returning visitor meets a new consent text */

  GString            *typed_code;
  char               *sign_in_message;
  LotsenCodeGate     *gate;
  char               *after_sign_in;     /* the page to go on to once signed in */

  char               *category;          /* What's on shows only this kind */
  LotsenSignupForm   *signup;            /* while signing up for a session */
  char               *signup_message;
  gint64              confirm_cancel_id; /* a sign-up to cancel, once the visitor says yes */
  gboolean            audio_mode;        /* screens read aloud, a first tap speaks */
};

G_DEFINE_FINAL_TYPE (LotsenVisit, lotsen_visit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_CATEGORY,
  PROP_VISITOR_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

LotsenSignupForm *
lotsen_signup_form_new (gint64 session_id)
{
  LotsenSignupForm *form = g_new0 (LotsenSignupForm, 1);

  form->session_id = session_id;
  form->party_size = 1;

  return form;
}

void
lotsen_signup_form_free (LotsenSignupForm *form)
{
  if (form == NULL)
    return;

  g_free (form->name);
  g_free (form->phone);
  g_free (form);
}

static const char *sign_in_done (LotsenVisit *self);

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
set_visitor (LotsenVisit   *self,
             LotsenVisitor *visitor)
{
  if (self->visitor == visitor)
    return;

  g_clear_pointer (&self->visitor, lotsen_visitor_free);
  self->visitor = visitor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISITOR_CODE]);
}

static void
drop_draft (LotsenVisit *self)
{
  g_clear_pointer (&self->draft, lotsen_visitor_draft_free);
  self->register_step = 0;
  self->ask_esf = FALSE;
}

static void
drop_signup (LotsenVisit *self)
{
  g_clear_pointer (&self->signup, lotsen_signup_form_free);
  g_clear_pointer (&self->signup_message, g_free);
}

static void
lotsen_visit_dispose (GObject *object)
{
  LotsenVisit *self = LOTSEN_VISIT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->gate);

  G_OBJECT_CLASS (lotsen_visit_parent_class)->dispose (object);
}

static void
lotsen_visit_finalize (GObject *object)
{
  LotsenVisit *self = LOTSEN_VISIT (object);

  drop_draft (self);
  drop_signup (self);
  g_clear_pointer (&self->visitor, lotsen_visitor_free);
  g_string_free (self->typed_code, TRUE);
  g_free (self->page);
  g_free (self->sign_in_message);
  g_free (self->after_sign_in);
  g_free (self->category);

  G_OBJECT_CLASS (lotsen_visit_parent_class)->finalize (object);
}

static void
lotsen_visit_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LotsenVisit *self = LOTSEN_VISIT (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, lotsen_visit_get_category (self));
      break;

    case PROP_VISITOR_CODE:
      g_value_set_string (value, lotsen_visit_get_visitor_code (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_visit_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LotsenVisit *self = LOTSEN_VISIT (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      lotsen_visit_set_page (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      lotsen_visit_set_category (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lotsen_visit_class_init (LotsenVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lotsen_visit_dispose;
  object_class->finalize = lotsen_visit_finalize;
  object_class->get_property = lotsen_visit_get_property;
  object_class->set_property = lotsen_visit_set_property;

  /**
   * LotsenVisit:page:
   *
   * The page the visitor is on.
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "welcome",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenVisit:category:
   *
   * The kind of activity What's on shows, or "" for every kind.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LotsenVisit:visitor-code:
   *
   * The personal code of the visitor who signed in or registered, or %NULL.
   */
  properties[PROP_VISITOR_CODE] =
    g_param_spec_string ("visitor-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lotsen_visit_init (LotsenVisit *self)
{
  self->page = g_strdup ("welcome");
  self->typed_code = g_string_new (NULL);
}

LotsenVisit *
lotsen_visit_new (LotsenStore *store)
{
  LotsenVisit *self;

  g_return_val_if_fail (LOTSEN_IS_STORE (store), NULL);

  self = g_object_new (LOTSEN_TYPE_VISIT, NULL);
  self->store = g_object_ref (store);
  /* The wrong-code pause outlives a visit: the next person at the screen
   * may be the same one guessing. */
  self->gate = lotsen_code_gate_new (lotsen_store_get_clock (store));

  return self;
}

/**
 * lotsen_visit_reset:
 *
 * The visitor is done, or walked away: everything they did is forgotten
 * (what was saved stays saved), and the next person starts on the welcome
 * page.
 */
void
lotsen_visit_reset (LotsenVisit *self)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  g_object_freeze_notify (G_OBJECT (self));

  self->ticket_id = 0;
  self->renewing_consent = FALSE;
  self->confirm_cancel_id = 0;
  self->audio_mode = FALSE;
  drop_draft (self);
  drop_signup (self);
  set_visitor (self, NULL);
  g_string_truncate (self->typed_code, 0);
  g_clear_pointer (&self->sign_in_message, g_free);
  g_clear_pointer (&self->after_sign_in, g_free);
  lotsen_visit_set_category (self, NULL);
  lotsen_visit_set_page (self, "welcome");

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * lotsen_visit_has_state:
 *
 * Returns: whether there is anything of the visitor's to wipe
 */
gboolean
lotsen_visit_has_state (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);

  return g_strcmp0 (self->page, "welcome") != 0 || self->draft != NULL || self->visitor != NULL ||
         self->signup != NULL || self->typed_code->len > 0 || self->category != NULL ||
         self->audio_mode;
}

/**
 * lotsen_visit_set_audio_mode:
 * @audio_mode: %TRUE to read each screen aloud and speak a control at the
 *   first tap, activating it at the second
 *
 * The visitor's choice, forgotten with the visit.
 */
void
lotsen_visit_set_audio_mode (LotsenVisit *self,
                             gboolean     audio_mode)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  self->audio_mode = !!audio_mode;
}

gboolean
lotsen_visit_get_audio_mode (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);

  return self->audio_mode;
}

const char *
lotsen_visit_get_page (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->page;
}

void
lotsen_visit_set_page (LotsenVisit *self,
                       const char  *page)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));
  g_return_if_fail (page != NULL);

  if (g_strcmp0 (self->page, page) == 0)
    return;

  set_string (&self->page, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * lotsen_visit_resolve_page:
 * @page: the page asked for
 *
 * Where a request for @page really leads, given what the visitor has
 * done: a ticket page needs a ticket, registering needs consent, the
 * personal code and the visitor's page need someone signed in, a sign-up
 * needs a session; My sign-ups asks for the code first and comes back.
 *
 * Returns: the page to show
 */
const char *
lotsen_visit_resolve_page (LotsenVisit *self,
                           const char  *page)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), "welcome");

  if (page == NULL)
    return "welcome";
  if (g_str_equal (page, "ticket") && self->ticket_id == 0)
    return "welcome";
  if (g_str_equal (page, "register") && self->draft == NULL)
    return "consent";
  if ((g_str_equal (page, "code") || g_str_equal (page, "visitor") ||
       g_str_equal (page, "outcome-question")) && self->visitor == NULL)
    return "welcome";
  if (g_str_equal (page, "signup") && self->signup == NULL)
    return "activities";
  if (g_str_equal (page, "my-signups") && self->visitor == NULL)
    {
      /* My sign-ups are found by the personal code. */
      set_string (&self->after_sign_in, page);
      return "sign-in";
    }

  return page;
}

const char *
lotsen_visit_get_category (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->category ? self->category : "";
}

/**
 * lotsen_visit_set_category:
 * @category: (nullable): a category key, or "" or %NULL for every kind
 */
void
lotsen_visit_set_category (LotsenVisit *self,
                           const char  *category)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  if (category != NULL && *category == '\0')
    category = NULL;
  if (g_strcmp0 (category, self->category) == 0)
    return;

  set_string (&self->category, category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

gint64
lotsen_visit_get_ticket_id (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), 0);

  return self->ticket_id;
}

/**
 * lotsen_visit_take_ticket:
 * @prefix: the service's letter
 * @lang: the language the ticket is taken in
 *
 * Takes a queue ticket, for the signed-in visitor if there is one.
 */
gboolean
lotsen_visit_take_ticket (LotsenVisit  *self,
                          const char   *prefix,
                          const char   *lang,
                          GError      **error)
{
  g_autoptr(LotsenTicket) ticket = NULL;

  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);

  ticket = lotsen_queue_take_ticket_for (self->store, prefix, lang,
                                         self->visitor ? self->visitor->id : 0, error);
  if (ticket == NULL)
    return FALSE;

  self->ticket_id = ticket->id;
  return TRUE;
}

/**
 * lotsen_visit_set_interpreter:
 * @lang: a language code, or "" for none
 */
gboolean
lotsen_visit_set_interpreter (LotsenVisit  *self,
                              const char   *lang,
                              GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);
  g_return_val_if_fail (lang != NULL, FALSE);

  return lotsen_queue_set_interpreter (self->store, self->ticket_id, *lang ? lang : NULL, error);
}

/**
 * lotsen_visit_get_draft:
 *
 * Returns: (nullable) (transfer none): what the visitor has entered so far
 *   while registering; pages write into it
 */
LotsenVisitorDraft *
lotsen_visit_get_draft (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->draft;
}

/* Registering, one question (or two) a step; "esf" only where the site
 * asks the ESF+ questions. */
static const char * const register_steps[] = {
  "name", "about", "contact", "interests", "check", NULL
};
static const char * const register_steps_esf[] = {
  "name", "about", "contact", "esf", "interests", "check", NULL
};

/**
 * lotsen_visit_get_register_steps:
 *
 * The steps of registering, by name: "name", "about", "contact", "esf"
 * (only where the setting "esf_fields" was on when the visitor accepted
 * the consent text), "interests" and "check".
 *
 * Returns: (transfer none) (array zero-terminated=1): the steps' names
 */
const char * const *
lotsen_visit_get_register_steps (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), register_steps);

  return self->ask_esf ? register_steps_esf : register_steps;
}

/**
 * lotsen_visit_get_n_register_steps:
 *
 * Returns: how many steps registering takes, the last one included
 */
guint
lotsen_visit_get_n_register_steps (LotsenVisit *self)
{
  return g_strv_length ((char **) lotsen_visit_get_register_steps (self));
}

guint
lotsen_visit_get_register_step (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), 0);

  return self->register_step;
}

void
lotsen_visit_set_register_step (LotsenVisit *self,
                                guint        step)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));
  g_return_if_fail (step < lotsen_visit_get_n_register_steps (self));

  self->register_step = step;
}

/**
 * lotsen_visit_accept_consent:
 *
 * "Yes": a new visitor goes on to register; a returning one who met a
 * new consent text has it recorded and goes on where they were going.
 *
 * Returns: (nullable): the page to show next, or %NULL with @error set
 */
const char *
lotsen_visit_accept_consent (LotsenVisit  *self,
                             GError      **error)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  if (self->renewing_consent && self->visitor != NULL)
    {
      if (!lotsen_visitor_renew_consent (self->store, self->visitor->id, error))
        return NULL;

      self->renewing_consent = FALSE;
      self->visitor->consent_version = LOTSEN_CONSENT_VERSION;
      return sign_in_done (self);
    }

  drop_draft (self);
  self->draft = lotsen_visitor_draft_new ();
  self->draft->consent = TRUE;
  /* Read now, so that the steps stay as they are while the visitor
   * registers. */
  self->ask_esf = lotsen_visitor_get_esf_fields (self->store);
  return "register";
}

/**
 * lotsen_visit_decline_consent:
 *
 * "No, thank you": nothing is stored, and a returning visitor who does
 * not accept the new text is signed out again.
 */
void
lotsen_visit_decline_consent (LotsenVisit *self)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  self->renewing_consent = FALSE;
  drop_draft (self);
  set_visitor (self, NULL);
}

void
lotsen_visit_cancel_registration (LotsenVisit *self)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  drop_draft (self);
}

/**
 * lotsen_visit_register:
 * @lang: the language the visitor registers in
 *
 * Stores the draft as a new visitor, who is then signed in.
 */
gboolean
lotsen_visit_register (LotsenVisit  *self,
                       const char   *lang,
                       GError      **error)
{
  LotsenVisitor *visitor;

  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);
  g_return_val_if_fail (self->draft != NULL, FALSE);

  set_string (&self->draft->lang, lang);

  visitor = lotsen_visitor_register (self->store, self->draft, error);
  if (visitor == NULL)
    return FALSE;

  set_visitor (self, visitor);
  drop_draft (self);
  return TRUE;
}

/**
 * lotsen_visit_get_visitor:
 *
 * Returns: (nullable): who signed in or just registered
 */
const LotsenVisitor *
lotsen_visit_get_visitor (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->visitor;
}

/**
 * lotsen_visit_get_visitor_code:
 *
 * Returns: (nullable): the personal code of who signed in or registered
 */
const char *
lotsen_visit_get_visitor_code (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->visitor ? self->visitor->code : NULL;
}

const char *
lotsen_visit_get_typed_code (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->typed_code->str;
}

/**
 * lotsen_visit_get_sign_in_message:
 *
 * Returns: (nullable): why the last code was not taken
 */
const char *
lotsen_visit_get_sign_in_message (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->sign_in_message;
}

gboolean
lotsen_visit_is_sign_in_paused (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);

  return lotsen_code_gate_seconds_left (self->gate) > 0;
}

void
lotsen_visit_code_key (LotsenVisit *self,
                       const char  *key)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));
  g_return_if_fail (key != NULL);

  if (self->typed_code->len < LOTSEN_CODE_MAX_LENGTH)
    g_string_append (self->typed_code, key);
  g_clear_pointer (&self->sign_in_message, g_free);
}

void
lotsen_visit_code_delete (LotsenVisit *self)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  if (self->typed_code->len > 0)
    g_string_truncate (self->typed_code, self->typed_code->len - 1);
  g_clear_pointer (&self->sign_in_message, g_free);
}

static char *
pause_message (int seconds)
{
  return g_strdup_printf (ngettext ("Too many wrong codes. Please wait %d second and try again.",
                                    "Too many wrong codes. Please wait %d seconds and try again.",
                                    seconds),
                          seconds);
}

/* Signed in: on to what the visitor came to sign in for, if anything. */
static const char *
sign_in_done (LotsenVisit *self)
{
  g_autofree char *next = g_steal_pointer (&self->after_sign_in);

  if (next == NULL)
    return "visitor";

  /* A page name from the page table: resolve it against our own copy. */
  return g_intern_string (next);
}

/**
 * lotsen_visit_sign_in:
 *
 * Signs in with the code typed so far; wrong codes count towards a pause.
 *
 * Returns: the page to show next: the sign-in page again (with a message),
 *   the consent page (a new consent text), or where the visitor was going
 */
const char *
lotsen_visit_sign_in (LotsenVisit *self)
{
  g_autoptr(GError) error = NULL;
  LotsenVisitor *visitor;
  int wait;

  g_return_val_if_fail (LOTSEN_IS_VISIT (self), "sign-in");

  g_clear_pointer (&self->sign_in_message, g_free);

  wait = lotsen_code_gate_seconds_left (self->gate);
  if (wait > 0)
    {
      self->sign_in_message = pause_message (wait);
      return "sign-in";
    }

  visitor = lotsen_visitor_find_by_code (self->store, self->typed_code->str, &error);
  g_string_truncate (self->typed_code, 0);

  if (visitor == NULL)
    {
      lotsen_code_gate_record (self->gate, FALSE);
      wait = lotsen_code_gate_seconds_left (self->gate);
      self->sign_in_message = wait > 0 ? pause_message (wait) : g_strdup (error->message);
      return "sign-in";
    }

  lotsen_code_gate_record (self->gate, TRUE);
  set_visitor (self, visitor);

  if (lotsen_visitor_needs_consent (visitor))
    {
      self->renewing_consent = TRUE;
      return "consent";
    }

  if (!lotsen_visitor_record_visit (self->store, visitor->id, &error))
    g_warning ("Noting a visit: %s", error->message);

  /* Months after the first visit, once: "Do you work or study now?" */
  if (lotsen_outcome_should_ask (self->store, visitor->id))
    return "outcome-question";

  return sign_in_done (self);
}

/**
 * lotsen_visit_forget_next_page:
 *
 * The visitor went home: signing in later leads to their own page.
 */
void
lotsen_visit_forget_next_page (LotsenVisit *self)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  g_clear_pointer (&self->after_sign_in, g_free);
}

/**
 * lotsen_visit_get_signup_form:
 *
 * Returns: (nullable) (transfer none): the sign-up under way; pages write
 *   into it
 */
LotsenSignupForm *
lotsen_visit_get_signup_form (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->signup;
}

/**
 * lotsen_visit_get_signup_message:
 *
 * Returns: (nullable): why the last sign-up was refused
 */
const char *
lotsen_visit_get_signup_message (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), NULL);

  return self->signup_message;
}

void
lotsen_visit_choose_session (LotsenVisit *self,
                             gint64       session_id)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  drop_signup (self);
  self->signup = lotsen_signup_form_new (session_id);
  self->signup->step = self->visitor != NULL ? LOTSEN_SIGNUP_STEP_PARTY : LOTSEN_SIGNUP_STEP_WHO;
}

/**
 * lotsen_visit_sign_up_with_code:
 *
 * The visitor will sign up with their personal code: sign in first, then
 * back to the sign-up.
 */
void
lotsen_visit_sign_up_with_code (LotsenVisit *self)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  set_string (&self->after_sign_in, "signup");
  g_string_truncate (self->typed_code, 0);
  g_clear_pointer (&self->sign_in_message, g_free);
}

/**
 * lotsen_visit_sign_up:
 *
 * Signs up for the chosen session, with the personal code or with the
 * name and phone number in the form. A refusal is kept as the sign-up
 * message, in the visitor's language.
 *
 * Returns: whether the visitor got a seat or a place on the waiting list
 */
gboolean
lotsen_visit_sign_up (LotsenVisit *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LotsenSignup) signup = NULL;
  LotsenSignupForm *form;

  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);
  g_return_val_if_fail (self->signup != NULL, FALSE);

  form = self->signup;
  g_clear_pointer (&self->signup_message, g_free);

  if (self->visitor != NULL)
    signup = lotsen_activity_sign_up (self->store, form->session_id, self->visitor->id,
                                      NULL, NULL, form->party_size, &error);
  else
    signup = lotsen_activity_sign_up (self->store, form->session_id, 0,
                                      form->name, form->phone, form->party_size, &error);

  if (signup == NULL)
    {
      g_message ("Signing up for session %" G_GINT64_FORMAT ": %s", form->session_id, error->message);
      self->signup_message = g_strdup (error->message);
      return FALSE;
    }

  form->signup_id = signup->id;
  form->step = LOTSEN_SIGNUP_STEP_DONE;
  return TRUE;
}

gint64
lotsen_visit_get_confirm_cancel_id (LotsenVisit *self)
{
  g_return_val_if_fail (LOTSEN_IS_VISIT (self), 0);

  return self->confirm_cancel_id;
}

/**
 * lotsen_visit_ask_cancel_signup:
 * @signup_id: the sign-up to ask about, or 0 to keep it after all
 */
void
lotsen_visit_ask_cancel_signup (LotsenVisit *self,
                                gint64       signup_id)
{
  g_return_if_fail (LOTSEN_IS_VISIT (self));

  self->confirm_cancel_id = signup_id;
}

/**
 * lotsen_visit_cancel_signup:
 *
 * Cancels one of the signed-in visitor's own sign-ups. Anyone else's is
 * refused with %FALSE and @error unset: no screen offers it.
 */
gboolean
lotsen_visit_cancel_signup (LotsenVisit  *self,
                            gint64        signup_id,
                            GError      **error)
{
  g_autoptr(LotsenSignup) signup = NULL;

  g_return_val_if_fail (LOTSEN_IS_VISIT (self), FALSE);

  self->confirm_cancel_id = 0;

  if (self->visitor != NULL)
    signup = lotsen_activity_get_signup (self->store, signup_id, NULL, NULL);
  if (signup == NULL || signup->visitor_id != self->visitor->id)
    {
      g_message ("Sign-up %" G_GINT64_FORMAT " is not the visitor's", signup_id);
      return FALSE;
    }

  return lotsen_activity_cancel_signup (self->store, signup_id, error);
}

/**
 * lotsen_visit_answer_outcome:
 * @answer: "work", "studies" or "internship" (stored as the visitor's
 *   own outcome, from today), "not-yet" or "skip" (nothing stored)
 *
 * The signed-in visitor answered "Do you work or study now?".  Whatever
 * the answer, they are not asked again for
 * %LOTSEN_OUTCOME_ASK_AGAIN_DAYS.
 *
 * Returns: the page to go on to: where the visitor was going
 */
const char *
lotsen_visit_answer_outcome (LotsenVisit *self,
                             const char  *answer)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LOTSEN_IS_VISIT (self), "welcome");

  if (self->visitor == NULL)
    return "welcome";

  if (g_strcmp0 (answer, "work") == 0 || g_strcmp0 (answer, "studies") == 0 ||
      g_strcmp0 (answer, "internship") == 0)
    {
      if (!lotsen_outcome_set (self->store, self->visitor->id, answer, NULL,
                               LOTSEN_OUTCOME_BY_VISITOR, NULL, &error))
        g_warning ("Storing the visitor's outcome: %s", error->message);
      g_clear_error (&error);
    }

  if (!lotsen_outcome_record_asked (self->store, self->visitor->id, &error))
    g_warning ("Noting that the visitor was asked: %s", error->message);

  return sign_in_done (self);
}
