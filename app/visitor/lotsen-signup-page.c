/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-signup-page.c — signing up for one session, in small steps:
 * with the personal code or with a name and phone number, how many come,
 * and then the answer: a seat, or a place on the waiting list.
 *
 * What is typed goes straight into the window's LotsenSignupForm, so the
 * page can be thrown away and built again in another language. */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-format.h"
#include "lotsen-i18n.h"
#include "lotsen-keyboard.h"
#include "lotsen-label.h"
#include "lotsen-signup-page.h"
#include "lotsen-steps.h"
#include "lotsen-tile.h"
#include "lotsen-visitor.h"

static const char * const step_names[] = {
  [LOTSEN_SIGNUP_STEP_WHO]   = "who",
  [LOTSEN_SIGNUP_STEP_NAME]  = "name",
  [LOTSEN_SIGNUP_STEP_PHONE] = "phone",
  [LOTSEN_SIGNUP_STEP_PARTY] = "party",
  [LOTSEN_SIGNUP_STEP_DONE]  = "done",
};

struct _LotsenSignupPage
{
  GtkWidget         parent_instance;

  GtkImage         *pictogram;
  GtkLabel         *title_label;
  GtkLabel         *when_label;
  GtkLabel         *where_label;
  GtkLabel         *seats_label;
  GtkStack         *steps;
  GtkEntry         *name_entry;
  GtkEntry         *phone_entry;
  LotsenKeyboard   *name_keyboard;
  LotsenKeyboard   *phone_keyboard;
  GtkLabel         *visitor_label;
  GtkFlowBox       *party_sizes;
  GtkImage         *result_icon;
  GtkLabel         *result_title;
  GtkLabel         *result_detail;
  GtkLabel         *error_label;
  GtkWidget        *back_button;
  GtkWidget        *next_button;
  GtkWidget        *sign_up_button;
  GtkWidget        *my_signups_button;
  GtkWidget        *more_button;
  GtkWidget        *done_button;

  LotsenVisit       *visit;
  gboolean          signed_in;  /* with a personal code */
};

G_DEFINE_FINAL_TYPE (LotsenSignupPage, lotsen_signup_page, GTK_TYPE_WIDGET)

static LotsenSignupForm *
form_of (LotsenSignupPage *self)
{
  return lotsen_visit_get_signup_form (self->visit);
}

static void
show_error (LotsenSignupPage *self,
            const char       *message)
{
  lotsen_label_set_message (self->error_label, message);
}

static void
sync_party_sizes (LotsenSignupPage *self)
{
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->party_sizes));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
      int size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "party-size"));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), size == form_of (self)->party_size);
    }
}

static void entry_changed_cb (GtkEditable      *editable,
                              LotsenSignupPage *self);

/* Only the step on screen is shown (lotsen-steps.c). */
static void
show_only (LotsenSignupPage *self,
           LotsenSignupStep  step)
{
  LotsenSignupForm *form = form_of (self);

  lotsen_steps_show (self->steps, step_names[step]);
  lotsen_steps_fill_entry (self->name_entry, step == LOTSEN_SIGNUP_STEP_NAME ? form->name : NULL,
                           G_CALLBACK (entry_changed_cb), self);
  lotsen_steps_fill_entry (self->phone_entry, step == LOTSEN_SIGNUP_STEP_PHONE ? form->phone : NULL,
                           G_CALLBACK (entry_changed_cb), self);
}

static void
show_step (LotsenSignupPage *self)
{
  LotsenSignupStep step = form_of (self)->step;

  show_only (self, step);

  gtk_widget_set_visible (self->back_button, step != LOTSEN_SIGNUP_STEP_DONE);
  gtk_widget_set_visible (self->next_button, step == LOTSEN_SIGNUP_STEP_NAME || step == LOTSEN_SIGNUP_STEP_PHONE);
  gtk_widget_set_visible (self->sign_up_button, step == LOTSEN_SIGNUP_STEP_PARTY);
  gtk_widget_set_visible (self->my_signups_button, step == LOTSEN_SIGNUP_STEP_DONE && self->signed_in);
  gtk_widget_set_visible (self->more_button, step == LOTSEN_SIGNUP_STEP_DONE);
  gtk_widget_set_visible (self->done_button, step == LOTSEN_SIGNUP_STEP_DONE);

  if (step == LOTSEN_SIGNUP_STEP_NAME)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else if (step == LOTSEN_SIGNUP_STEP_PHONE)
    gtk_widget_grab_focus (GTK_WIDGET (self->phone_entry));
  else if (step == LOTSEN_SIGNUP_STEP_PARTY)
    sync_party_sizes (self);

  show_error (self, NULL);
}

static void
go_to (LotsenSignupPage *self,
       LotsenSignupStep  step)
{
  form_of (self)->step = step;
  show_step (self);
}

/* Checks what was typed with the core's rules, keeping the cleaned text. */
static gboolean
check_step (LotsenSignupPage *self)
{
  g_autoptr(GError) error = NULL;
  LotsenSignupForm *form = form_of (self);

  if (form->step == LOTSEN_SIGNUP_STEP_NAME)
    {
      g_autofree char *name = lotsen_visitor_normalize_name (form->name, -1, TRUE, &error);

      if (name == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
    }
  else if (form->step == LOTSEN_SIGNUP_STEP_PHONE)
    {
      g_autofree char *phone = lotsen_visitor_normalize_phone (form->phone, -1, &error);

      if (phone == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
      if (*phone == '\0')
        {
          show_error (self, _("Please give a phone number, so that staff can reach you if something changes."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenSignupPage *self = LOTSEN_SIGNUP_PAGE (widget);

  if (!check_step (self))
    return;

  if (form_of (self)->step == LOTSEN_SIGNUP_STEP_NAME)
    go_to (self, LOTSEN_SIGNUP_STEP_PHONE);
  else if (form_of (self)->step == LOTSEN_SIGNUP_STEP_PHONE)
    go_to (self, LOTSEN_SIGNUP_STEP_PARTY);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LotsenSignupPage *self = LOTSEN_SIGNUP_PAGE (widget);

  switch (form_of (self)->step)
    {
    case LOTSEN_SIGNUP_STEP_NAME:
      go_to (self, LOTSEN_SIGNUP_STEP_WHO);
      break;

    case LOTSEN_SIGNUP_STEP_PHONE:
      go_to (self, LOTSEN_SIGNUP_STEP_NAME);
      break;

    case LOTSEN_SIGNUP_STEP_PARTY:
      if (!self->signed_in)
        {
          go_to (self, LOTSEN_SIGNUP_STEP_PHONE);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case LOTSEN_SIGNUP_STEP_WHO:
    case LOTSEN_SIGNUP_STEP_DONE:
    default:
      gtk_widget_activate_action (widget, "win.show-page", "s", "activities");
      break;
    }
}

static void
by_phone_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  go_to (LOTSEN_SIGNUP_PAGE (widget), LOTSEN_SIGNUP_STEP_NAME);
}

static void
party_clicked_cb (GtkButton        *button,
                  LotsenSignupPage *self)
{
  form_of (self)->party_size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "party-size"));
  sync_party_sizes (self);
  show_error (self, NULL);
}

static void
fill_party_sizes (LotsenSignupPage *self)
{
  for (int size = 1; size <= LOTSEN_PARTY_MAX; size++)
    {
      /* Translators: how many come to an activity; 1 is "Just me" */
      g_autofree char *label = size == 1 ? g_strdup (_("Just me"))
                                         : g_strdup_printf (ngettext ("%d person", "%d people", size), size);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), text);
      gtk_widget_add_css_class (button, "choice");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "party-size", GINT_TO_POINTER (size));
      g_signal_connect (button, "clicked", G_CALLBACK (party_clicked_cb), self);

      gtk_flow_box_append (self->party_sizes, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}

static void
entry_changed_cb (GtkEditable      *editable,
                  LotsenSignupPage *self)
{
  const char *text = gtk_editable_get_text (editable);
  char **field = editable == GTK_EDITABLE (self->name_entry) ? &form_of (self)->name : &form_of (self)->phone;

  g_free (*field);
  *field = *text != '\0' ? g_strdup (text) : NULL;
  show_error (self, NULL);
}

static void
keyboard_done_cb (LotsenKeyboard   *keyboard,
                  LotsenSignupPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "signup.next", NULL);
}

static void
lotsen_signup_page_dispose (GObject *object)
{
  LotsenSignupPage *self = LOTSEN_SIGNUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_SIGNUP_PAGE);
  g_clear_object (&self->visit);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_signup_page_parent_class)->dispose (object);
}

static void
lotsen_signup_page_class_init (LotsenSignupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_signup_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-signup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, pictogram);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, when_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, seats_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, steps);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, name_keyboard);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, phone_keyboard);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, visitor_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, party_sizes);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, result_icon);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, result_title);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, result_detail);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, sign_up_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, my_signups_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, LotsenSignupPage, done_button);

  gtk_widget_class_install_action (widget_class, "signup.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "signup.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "signup.by-phone", NULL, by_phone_action);
}

static void
lotsen_signup_page_init (LotsenSignupPage *self)
{
  g_type_ensure (LOTSEN_TYPE_KEYBOARD);
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lotsen_signup_page_new:
 * @visit: the visit, with the sign-up form the page writes what is typed
 *   and chosen into
 */
GtkWidget *
lotsen_signup_page_new (LotsenVisit *visit)
{
  LotsenSignupPage *self;

  g_return_val_if_fail (LOTSEN_IS_VISIT (visit), NULL);
  g_return_val_if_fail (lotsen_visit_get_signup_form (visit) != NULL, NULL);

  self = g_object_new (LOTSEN_TYPE_SIGNUP_PAGE, NULL);
  self->visit = g_object_ref (visit);

  g_signal_connect (self->name_entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (self->phone_entry, "changed", G_CALLBACK (entry_changed_cb), self);
  /* Digits read from left to right in every language. */
  gtk_widget_set_direction (GTK_WIDGET (self->phone_entry), GTK_TEXT_DIR_LTR);

  lotsen_keyboard_set_layout_for_language (self->name_keyboard, lotsen_i18n_get_language ());
  lotsen_keyboard_set_target (self->name_keyboard, GTK_EDITABLE (self->name_entry));
  lotsen_keyboard_set_target (self->phone_keyboard, GTK_EDITABLE (self->phone_entry));
  g_signal_connect (self->name_keyboard, "done", G_CALLBACK (keyboard_done_cb), self);
  g_signal_connect (self->phone_keyboard, "done", G_CALLBACK (keyboard_done_cb), self);

  fill_party_sizes (self);

  return GTK_WIDGET (self);
}

static void
show_result (LotsenSignupPage   *self,
             const LotsenSignup *signup)
{
  g_autofree char *title = NULL;
  const char *detail;

  if (signup->status == LOTSEN_SIGNUP_WAITLISTED)
    {
      /* Translators: the visitor's place on an activity's waiting list */
      title = g_strdup_printf (_("You are number %d on the waiting list"), signup->position);
      detail = self->signed_in
               ? _("If a seat becomes free, it is yours. Look under “My sign-ups” next time, or ask the staff.")
               : _("If a seat becomes free, it is yours, and the staff will phone you.");
      gtk_image_set_from_icon_name (self->result_icon, "lotsen-soon-symbolic");
    }
  else
    {
      title = g_strdup (_("You have a seat"));
      detail = _("Welcome! Please come a few minutes early.");
      gtk_image_set_from_icon_name (self->result_icon, "lotsen-done-symbolic");
    }

  gtk_label_set_text (self->result_title, title);
  gtk_label_set_text (self->result_detail, detail);
}

/**
 * lotsen_signup_page_set:
 * @session: the session signed up for
 * @timezone: the site's
 * @visitor_name: (nullable): the signed-in visitor's name as shown on
 *   screen, or %NULL when signing up with name and phone
 * @signup: (nullable): the sign-up, once made
 * @message: (nullable): what went wrong, already translated
 */
void
lotsen_signup_page_set (LotsenSignupPage    *self,
                        const LotsenSession *session,
                        GTimeZone           *timezone,
                        const char          *visitor_name,
                        const LotsenSignup  *signup,
                        const char          *message)
{
  g_autofree char *when = NULL;
  g_autofree char *seats = NULL;
  gboolean full;

  g_return_if_fail (LOTSEN_IS_SIGNUP_PAGE (self));
  g_return_if_fail (session != NULL);

  when = lotsen_format_when (session->starts_at, timezone);
  seats = lotsen_format_seats (session);
  full = session->seats_left == 0 || session->waiting > 0;

  gtk_image_set_from_icon_name (self->pictogram, session->pictogram);
  gtk_label_set_text (self->title_label, session->title);
  if (session->title_fallback)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "fallback");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "fallback");
  gtk_label_set_text (self->when_label, when);
  gtk_label_set_text (self->where_label, session->location ? session->location : "");
  gtk_widget_set_visible (GTK_WIDGET (self->where_label), session->location != NULL);
  gtk_label_set_text (self->seats_label, seats);
  gtk_widget_set_visible (GTK_WIDGET (self->seats_label), signup == NULL);
  gtk_widget_set_css_classes (GTK_WIDGET (self->seats_label),
                              (const char *[]) { full ? "session-full" : "session-seats", NULL });

  self->signed_in = visitor_name != NULL;
  if (visitor_name != NULL)
    {
      /* Translators: %s is the signed-in visitor's name, e.g. "Amina K." */
      g_autofree char *text = g_strdup_printf (_("You sign up as %s."), visitor_name);

      gtk_label_set_text (self->visitor_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->visitor_label), visitor_name != NULL);

  if (signup != NULL)
    {
      form_of (self)->step = LOTSEN_SIGNUP_STEP_DONE;
      show_result (self, signup);
    }

  show_step (self);
  show_error (self, message);
}
