/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-my-signups-page.c — the signed-in visitor's coming sign-ups, each
 * with where they stand (a seat, or their number on the waiting list) and
 * a way to cancel it: one tap, then a yes or no. */

#include "config.h"

#include <glib/gi18n.h>

#include "lotsen-activity.h"
#include "lotsen-format.h"
#include "lotsen-label.h"
#include "lotsen-my-signups-page.h"
#include "lotsen-signup.h"
#include "lotsen-tile.h"

struct _LotsenMySignupsPage
{
  GtkWidget  parent_instance;

  GtkBox    *signups;
  GtkWidget *empty_label;
};

G_DEFINE_FINAL_TYPE (LotsenMySignupsPage, lotsen_my_signups_page, GTK_TYPE_WIDGET)

static void
lotsen_my_signups_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_MY_SIGNUPS_PAGE);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_my_signups_page_parent_class)->dispose (object);
}

static void
lotsen_my_signups_page_class_init (LotsenMySignupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_my_signups_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-my-signups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenMySignupsPage, signups);
  gtk_widget_class_bind_template_child (widget_class, LotsenMySignupsPage, empty_label);
}

static void
lotsen_my_signups_page_init (LotsenMySignupsPage *self)
{
  g_type_ensure (LOTSEN_TYPE_TILE);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lotsen_my_signups_page_new (void)
{
  return g_object_new (LOTSEN_TYPE_MY_SIGNUPS_PAGE, NULL);
}

static GtkWidget *
add_button (GtkWidget  *box,
            const char *label,
            const char *action_name,
            GVariant   *target,
            const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkLabel *text = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

  /* On one line where there is room; wrapped only on a narrow screen. */
  gtk_label_set_wrap (text, TRUE);
  gtk_label_set_natural_wrap_mode (text, GTK_NATURAL_WRAP_NONE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "big-button");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

static char *
describe_status (const LotsenSignup *signup)
{
  if (signup->session_cancelled)
    return g_strdup (_("The centre has cancelled this time. We are sorry."));

  switch (signup->status)
    {
    case LOTSEN_SIGNUP_WAITLISTED:
      return g_strdup_printf (_("You are number %d on the waiting list"), signup->position);

    case LOTSEN_SIGNUP_ATTENDED:
      /* Translators: the visitor has been checked in at the activity */
      return g_strdup (_("You are checked in"));

    case LOTSEN_SIGNUP_CONFIRMED:
      if (signup->promoted)
        return g_strdup (_("You have a seat: one became free for you"));
      return g_strdup (_("You have a seat"));

    case LOTSEN_SIGNUP_CANCELLED:
    case LOTSEN_SIGNUP_NO_SHOW:
    default:
      return g_strdup (_("Cancelled"));
    }
}

static GtkWidget *
create_card (const LotsenSignup *signup,
             gboolean            confirming,
             GTimeZone          *timezone)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  g_autofree char *when = lotsen_format_when (signup->starts_at, timezone);
  g_autofree char *status = describe_status (signup);
  gboolean seated = signup->status == LOTSEN_SIGNUP_CONFIRMED || signup->status == LOTSEN_SIGNUP_ATTENDED;
  GtkWidget *title;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "session-card");

  title = lotsen_label_append (card, signup->title, "session-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  lotsen_label_append (card, when, "session-when");
  if (signup->party_size > 1)
    {
      g_autofree char *party = g_strdup_printf (ngettext ("For %d person", "For %d people", signup->party_size),
                                                signup->party_size);

      lotsen_label_append (card, party, "session-where");
    }
  lotsen_label_append (card, status, seated && !signup->session_cancelled ? "session-seats" : "session-full");

  gtk_widget_set_margin_top (buttons, 8);
  gtk_box_append (GTK_BOX (card), buttons);

  if (signup->session_cancelled || signup->status == LOTSEN_SIGNUP_ATTENDED)
    gtk_widget_set_visible (buttons, FALSE);
  else if (confirming)
    {
      GtkWidget *question = lotsen_label_append (card,
                                                 _("Do you want to cancel this sign-up? Your seat goes to the next person."),
                                                 "field-label");

      /* The question above the two answers. */
      gtk_box_reorder_child_after (GTK_BOX (card), question, gtk_widget_get_prev_sibling (buttons));
      add_button (buttons, _("Yes, cancel it"), "win.confirm-cancel-signup",
                  g_variant_new_int64 (signup->id), "destructive-action");
      add_button (buttons, _("No, keep it"), "win.keep-signup", NULL, NULL);
    }
  else
    add_button (buttons, _("Cancel my sign-up"), "win.cancel-signup",
                g_variant_new_int64 (signup->id), NULL);

  return card;
}

/**
 * lotsen_my_signups_page_set:
 * @signups: (element-type LotsenSignup): the visitor's, soonest first
 * @confirming: the sign-up whose cancellation waits for a yes, or 0
 * @timezone: the site's
 */
void
lotsen_my_signups_page_set (LotsenMySignupsPage *self,
                            GPtrArray           *signups,
                            gint64               confirming,
                            GTimeZone           *timezone)
{
  GtkWidget *child;

  g_return_if_fail (LOTSEN_IS_MY_SIGNUPS_PAGE (self));
  g_return_if_fail (signups != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->signups))) != NULL)
    gtk_box_remove (self->signups, child);

  for (guint i = 0; i < signups->len; i++)
    {
      const LotsenSignup *signup = signups->pdata[i];

      gtk_box_append (self->signups, create_card (signup, signup->id == confirming, timezone));
    }

  gtk_widget_set_visible (self->empty_label, signups->len == 0);
}
