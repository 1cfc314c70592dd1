/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-language-bar.c — the row of languages on every visitor screen.
 *
 * Each button shows its language's own name in its own script and is a
 * toggle for the window's "win.language" action, so the current language
 * shows as pressed, to the eye and to a screen reader.
 */

#include "config.h"

#include "lotsen-i18n.h"
#include "lotsen-language-bar.h"

struct _LotsenLanguageBar
{
  GtkWidget  parent_instance;

  GtkFlowBox *languages;
};

G_DEFINE_FINAL_TYPE (LotsenLanguageBar, lotsen_language_bar, GTK_TYPE_WIDGET)

static void
lotsen_language_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOTSEN_TYPE_LANGUAGE_BAR);

  /* Direct children of a plain GtkWidget are ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lotsen_language_bar_parent_class)->dispose (object);
}

static void
lotsen_language_bar_class_init (LotsenLanguageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lotsen_language_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "languagebar");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lotsen-language-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LotsenLanguageBar, languages);
}

static void
lotsen_language_bar_init (LotsenLanguageBar *self)
{
  const LotsenLanguage *languages;
  guint n_languages;

  gtk_widget_init_template (GTK_WIDGET (self));

  languages = lotsen_i18n_get_languages (&n_languages);
  for (guint i = 0; i < n_languages; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (languages[i].native_name);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      /* The name is in its own script: let it set its own direction. */
      gtk_widget_set_direction (label,
                                languages[i].direction == LOTSEN_TEXT_DIRECTION_RTL
                                ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      gtk_widget_add_css_class (button, "language");
      gtk_widget_set_name (button, languages[i].code);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", languages[i].code);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, languages[i].native_name,
                                      -1);
      gtk_flow_box_append (self->languages, button);
      /* The button takes the focus, not the cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}

GtkWidget *
lotsen_language_bar_new (void)
{
  return g_object_new (LOTSEN_TYPE_LANGUAGE_BAR, NULL);
}
